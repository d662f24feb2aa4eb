def f(*args):
    return len(args), args


print(f(), f(1), f(1, "a", None))


def g(first, *rest):
    return first, rest


print(g(1, 2, 3), g(*"xyz"))


def h(a, *args, b=5):
    return a, args, b


print(h(1, 2, 3), h(1, b=9), h(*[1, 2], b=3))
