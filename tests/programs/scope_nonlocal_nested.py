def outer():
    x = 1

    def middle():
        nonlocal x
        x += 10

        def inner():
            nonlocal x
            x += 100
            return x

        return inner()

    r = middle()
    return x, r


print(outer())


def shadow():
    y = "outer"

    def f():
        y = "local"
        return y

    return f(), y


print(shadow())
