import micropython


@micropython.bytecode
def b(x):
    return x


@micropython.native
def n(a, b=1, *c, d, e=2, **f):
    g = lambda y: a + y
    return [g(i) for i in c], {k: d for k in f}, (x for x in c)


@micropython.viper
def v(a: int, b: int = 2, *args) -> int:
    def inner(q):
        return q
    s = 0
    for x in args:
        s += int(x)
    return s + a * b + int(inner(a))


class K:
    @micropython.viper
    def m(self, x: uint) -> uint:
        return x << 3

    @micropython.native
    def __init__(self, *a):
        super().__init__()
        self.a = a

    @staticmethod
    @micropython.native
    def s():
        global gg
        gg = 5
        del gg
        import os
        from sys import path as p
        return os, p


@micropython.viper
def big(x: int) -> int:
    y = 0x3fffffff
    z = -1234567
    w = x * 100000 + y - z
    return w
