def level1(a):
    def level2(b):
        def level3(c):
            return a + b + c

        return level3

    return level2


print(level1(1)(10)(100))


def outer():
    x = "outer"

    def middle():
        def inner():
            return x

        return inner()

    x = "changed"
    return middle()


print(outer())
