# Type names of functions (function, closure, generator function) and attribute stores on them.
def g():
    yield 1
def outer():
    v = 1
    def gi():
        yield v
    def inner():
        return v
    return gi, inner
gi, inner = outer()
print(type(g), type(gi), type(inner), type(g()), type(gi()), type(lambda: 1))
print(isinstance(inner, type(g)), type(inner) is type(outer), callable(inner))
class A:
    def m(self):
        return 1
    def n(self):
        w = self
        def c():
            return w
        return c
print(type(A.m), type(A().m), type(A().n()), A().n()() is not None)
try:
    del inner.x
    print("deleted")
except Exception as e:
    print(type(e).__name__, e)
def f2(): pass
def outer():
    v = 1
    def inner(): return v
    return inner
g = outer()
for obj in (f2, g, lambda: 1):
    try:
        obj.x = 1
        print("stored")
    except Exception as e:
        print(type(e).__name__, e)
    try:
        print(obj.x)
    except Exception as e:
        print(type(e).__name__, e)
    print(type(obj), type(obj).__name__, obj.__name__)
print(type(print), type([].append), type(f2.__call__) if hasattr(f2, "__call__") else "")
