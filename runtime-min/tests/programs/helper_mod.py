VALUE = 42
def greet(n):
    return "hello " + n
print("helper loaded")
