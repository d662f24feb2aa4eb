# An exception whose class's __init__ has not yet called super().__init__() is incomplete
# (MicroPython's objtype.c): raising it is a TypeError, it has no args, it prints as
# <function>; afterwards, or once __init__ returns, it is a whole exception.
class E(Exception):
    def __init__(self, x):
        try:
            print(self.args)
        except Exception as e:
            print(type(e).__name__, e)
        print(repr(self), str(self))
        try:
            raise self
        except Exception as e:
            print(type(e).__name__, e)
        super().__init__(x, 2)
        print(self.args)
class F(Exception):
    def __init__(self, x):
        self.x = x
e = E(1)
print(e.args)
f = F(5)
print(f.args, f.x, repr(f))
try:
    raise F(3)
except F as e:
    print("caught", e.args)
class G(ValueError):
    pass
print(G(1,2).args)
class H(Exception):
    def __init__(self):
        try:
            raise self
        except TypeError as e:
            print("TypeError", e)
h = H()
print(isinstance(h, Exception), h.args)
try:
    raise h
except H:
    print("H ok")
class I(Exception):
    def __init__(self):
        raise self
try:
    raise I
except TypeError as e:
    print("I", e)
