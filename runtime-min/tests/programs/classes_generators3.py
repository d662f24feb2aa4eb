# Special methods as class/static methods, native subclasses with __init__, namedtuple
# subclasses, attribute deletion, object.__setattr__, yield from over non-generators.
from collections import namedtuple


class Ops:
    @classmethod
    def __add__(cls, other):
        return (cls.__name__, other)

    @staticmethod
    def __getitem__(i):
        return i * 2



o = Ops()
print(o + 1, o[21])


class L(list):
    def __init__(self, a, b):
        super().__init__([a, b])
        self.extra = a + b


class D(dict):
    def __init__(self, **kw):
        super().__init__(**kw)


l = L(2, 3)
print(l, l.extra, len(l), D(x=1, y=2), D())
P = namedtuple("P", "x y")


class Q(P):
    def norm(self):
        return self.x * self.x + self.y * self.y


class R(P, object):
    pass


q = Q(3, 4)
print(q.norm(), q.x, q[1], R(y=1, x=2), "%d-%d" % P(3, 4), (1,) + q, q + (5,))


class C:
    f = 1


del C.f
try:
    del C.f
except AttributeError:
    print("AttributeError class")


class Guard:
    def __setattr__(self, name, value):
        print("set", name, value)
        object.__setattr__(self, name, value * 10)

    def __delattr__(self, name):
        print("del", name)
        object.__delattr__(self, name)


g = Guard()
g.a = 4
print(g.a)
del g.a
try:
    del g.a
except AttributeError:
    print("AttributeError instance")
for bad in (lambda: setattr(g, b"x", 1), lambda: getattr(g, 3), lambda: hasattr(g, None)):
    try:
        bad()
    except TypeError:
        print("TypeError")


class A:
    def f(self):
        pass


a = A()
print(hash(a.f) == hash(a.f), a.f == a.f, {a.f: 1}[a.f])


class Counter:
    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration(self.n * 100)
        return self.n

    def send(self, v):
        return v * 2 if v is not None else self.__next__()

    def throw(self, e):
        return "caught"

    def close(self):
        print("close called")


def deleg():
    r = yield from Counter()
    print("result", r)


def stop_in_map(x):
    if x == 2:
        raise StopIteration(-1)
    return x


def deleg2():
    return (yield from map(stop_in_map, range(5)))


print(list(deleg()))
gen = deleg()
print(next(gen), gen.send(21), gen.throw(ValueError), gen.send(None))
gen.close()
gen = deleg2()
print(list(gen))


def catcher():
    try:
        yield 1
    except ValueError as e:
        print("got", repr(e), e.args)
    yield 2


c = catcher()
next(c)
print(c.throw(ValueError, ValueError(7)))
