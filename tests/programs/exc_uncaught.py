def divide(a, b):
    return a // b


def compute():
    print("computing")
    return divide(10, 0)


print("start")
compute()
print("never")
