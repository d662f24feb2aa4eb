def repeat(times):
    def deco(fn):
        def wrapper(*args):
            return [fn(*args) for _ in range(times)]

        return wrapper

    return deco


@repeat(3)
def roll(x):
    return x * 2


print(roll(4))


def tag(name):
    return lambda fn: lambda *a: "<%s>%s</%s>" % (name, fn(*a), name)


@tag("b")
@tag("i")
def text(s):
    return s


print(text("hi"))
