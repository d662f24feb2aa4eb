# Argument kinds, defaults, closures, generators, comprehensions, classes.
def f(a, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, kw


def outer(x):
    y = x + 1

    def inner(z):
        nonlocal y
        y += z
        return x * y

    return inner


def gen(n):
    for i in range(n):
        yield i * i
    yield from [1, 2]


squares = [n * n for n in range(10) if n % 2]
lookup = {k: v for k, v in zip("ab", (1, 2))}
add = lambda u, v=1: u + v


class Base:
    def __init__(self, v):
        self.v = v


class Derived(Base):
    def __init__(self, v):
        super().__init__(v)
        self.w = f(1, c=3)
