# Found by the modules fuzzer: a deque's index errors name the deque, namedtuple's argument
# errors (objnamedtuple.c counts positional and keyword arguments together), a namedtuple or
# a str/int subclass hashes as its value while a list subclass stays unhashable, and
# math.degrees / math.radians overflow to infinity instead of a domain error.
import collections
import math

P = collections.namedtuple("P", ["x", "y"])


def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


d = collections.deque((1, 2), 3)
t(lambda: d[2])
t(lambda: d[-3])
t(lambda: d.__setitem__(5, 1))
t(lambda: (d.__setitem__(0, 9), list(d))[1])
t(lambda: P(1))
t(lambda: P(1, 2, 3))
t(lambda: P())
t(lambda: P(1, y=2, z=3))
t(lambda: P(1, x=2))
t(lambda: P(1, z=2))
t(lambda: P(y=1, x=2))
t(lambda: hash(P(1, 2)) == hash((1, 2)))
t(lambda: {P(1, 2): "a"}[(1, 2)])


class S(str):
    pass


class I(int):
    pass


class L(list):
    pass


t(lambda: hash(S("ab")) == hash("ab"))
t(lambda: hash(I(7)) == hash(7))
t(lambda: hash(L()))
t(lambda: math.degrees(1e308))
t(lambda: math.radians(float("inf")))
t(lambda: math.degrees(float("nan")))
t(lambda: math.exp(1000))
