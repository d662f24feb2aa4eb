# sys.implementation/version, dict union, __name__ of methods, __new__, bytes padding and %.
import sys

print(sys.implementation.name, sys.implementation.version[:2], sys.version_info[0])
print(str(sys.implementation).startswith("(name='micropython'"), type(sys.version))
a = {"x": 1, "y": 2}
b = {"y": 3, "z": 4}
c = a | b
print(sorted(c.items()), sorted(a.items()))
a |= b
a |= {}
print(sorted(a.items()), c is not a)
try:
    a | [1]
except TypeError:
    print("TypeError")


class K:
    def meth(self):
        pass

    def __init__(self, v=0):
        self.v = v


print(K.meth.__name__, K().meth.__name__, K.__init__.__name__, K().__class__.__name__)


class Single:
    inst = None

    def __new__(cls, *args):
        if cls.inst is None:
            cls.inst = super().__new__(cls)
            cls.inst.n = 0
        return cls.inst

    def __init__(self, step=1):
        self.n += step


s1 = Single()
s2 = Single(5)
print(s1 is s2, s1.n, isinstance(s1, Single))


class Sub(Single):
    inst = None


print(Sub(2).n, type(Sub()).__name__)


class Other:
    def __new__(cls):
        return 42

    def __init__(self):
        print("not called")


print(Other(), object.__new__(K).__class__.__name__)
try:
    object.__new__(int)
except TypeError:
    print("TypeError")
print(b"ab".center(7), b"ab".center(6, b"*"), bytearray(b"x").center(4, b"-"), "ab".center(5, "."))
print(b"%d-%s-%r-%x|%5s|" % (5, b"raw", b"rep", 255, b"pad"), b"%%" % (), b"%(k)s" % {"k": b"v"})
