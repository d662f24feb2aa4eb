# class protocol details where MicroPython differs from CPython (found by differential fuzzing)


def t(f):
    try:
        r = f()
        s = repr(r)
        i = s.find(" object at ")
        print(s if i < 0 else s[:i] + " object at ...>")
    except Exception as e:
        print(type(e).__name__, e)


class A:
    pass


class AO(object):
    pass


class I:
    def __init__(self):
        return 5


class S(A):
    def __init__(self, v):
        super().__init__(v)


class S0(A):
    def __init__(self, v):
        super().__init__()
        self.v = v


class SK(A):
    def __init__(self, v):
        super().__init__(k=v)


# no __init__: any arguments; object.__init__ takes none
for f in (lambda: A(3), lambda: A(k=1), lambda: AO(3), lambda: I(), lambda: S(1), lambda: S0(1).v,
          lambda: SK(1), lambda: object(1), lambda: object.__init__(A(), 1)):
    t(f)


class G:
    def __getattr__(self, name):
        return ("ga", name)


class P:
    pass


g = G()
# iteration falls back to a __getitem__ that __getattr__ provides
for f in (lambda: g(1, k=2), lambda: list(g), lambda: len(g), lambda: g + 1, lambda: g[1], lambda: 1 in g):
    t(f)


def iadd_p():
    x = P()
    x += 1


def isub_list():
    x = [1]
    x -= 1


def iadd_int():
    x = 1
    x += "a"


def imul_str():
    x = "a"
    x *= "b"


# in-place operator errors name the plain operator
for f in (iadd_p, isub_list, iadd_int, imul_str):
    t(f)


class L:
    def __init__(self, v):
        self.v = v

    def __len__(self):
        return self.v


# len() returns whatever __len__ returns
for v in (2.5, -1, "x", 3, 0):
    t(lambda: len(L(v)))
    t(lambda: bool(L(v)))
t(lambda: P())
