def shout(fn):
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs).upper() + "!"

    return wrapper


@shout
def greet(name, punct=""):
    return "hello " + name + punct


print(greet("bob"))
print(greet("amy", punct="?"))
