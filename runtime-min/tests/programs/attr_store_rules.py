# Instance attribute stores: data descriptors, properties without a setter, __setattr__ /
# __delattr__, namedtuple immutability, and a descriptor class that gains __set__ after the
# class using it was made (MicroPython decides by the class flags set at creation).
class D:
    def __get__(self, o, t): return 'got'
    def __set__(self, o, v): print('set', v)
class C:
    d = D()
    def __init__(self): self.x = 1
c = C(); c.d = 5; print(c.d, c.x)
class E(C): pass
e = E(); e.d = 7; e.y = 2; print(e.y)
class P:
    @property
    def v(self): return 3
p = P()
try:
    p.v = 4
except AttributeError as ex:
    print('AE', ex)
class S:
    def __setattr__(self, n, v): print('setattr', n, v)
S().q = 9
class Late: pass
class H:
    a = Late()
Late.__set__ = lambda self, o, v: print('late set')
h = H(); h.a = 1; print(h.a is H.a, type(h.a))
from collections import namedtuple
T = namedtuple('T', 'a b')
t = T(1, 2)
try:
    t.a = 5
except AttributeError as ex:
    print('AE2', ex)
class U(T): pass
u = U(1, 2)
try:
    u.c = 3
except AttributeError as ex:
    print('AE3', ex)
class Q:
    def __delattr__(self, n): print('del', n)
q = Q(); del q.zz
class R: pass
r = R(); r.a = 1; del r.a
try:
    del r.a
except AttributeError as ex:
    print('AE4', ex)
