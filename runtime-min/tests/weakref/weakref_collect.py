# weakref.ref and weakref.finalize with collections. Expected output: MicroPython's on a
# port whose collector sees no stale stack words (the WebAssembly VM scans its C stack
# conservatively and keeps some of these objects alive). As MicroPython's own tests do,
# `clean_the_stack` overwrites value-stack slots that may still hold a dropped object.
import gc
import weakref


class A:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "A(%s)" % self.name


for value in (None, False, True, Ellipsis, 0, "", (), 12345):
    try:
        weakref.ref(value)
    except TypeError as e:
        print(repr(value), "TypeError", e)


def test_ref():
    a = A("a")
    r = weakref.ref(a)
    print(type(r).__name__, r, r(), r() is a)
    gc.collect()
    print("still", r())
    a = None
    clean_the_stack = [0, 0, 0, 0, 0, 0, 0, 0]
    gc.collect()
    print("gone", r())

    a = A("b")
    r = weakref.ref(a, lambda w: print("callback gets the ref", w is r, w()))
    a = None
    gc.collect()
    print("after", r())

    # the ref dies first: no callback
    a = A("c")
    r = weakref.ref(a, lambda w: print("never"))
    r = None
    gc.collect()
    a = None
    gc.collect()
    print("no callback")

    # other heap objects
    items = [[1, 2], {"k": 1}, bytearray(3), test_ref, A, 2**70]
    refs = [weakref.ref(x) for x in items]
    print([w() is x for w, x in zip(refs, items)])
    items = None
    gc.collect()
    print([w() is None for w in refs][:5])


def test_finalize():
    a = A("f")
    f = weakref.finalize(a, print, "finalized", 1, sep="-")
    print("alive", f.alive)
    print("peek", f.peek())
    a = None
    gc.collect()
    print("alive", f.alive, f.peek(), f.detach(), f())

    a = A("g")
    f = weakref.finalize(a, lambda *args, **kw: args + tuple(kw.items()), 1, k=2)
    print("call", f(), f.alive, f())
    a = None
    gc.collect()
    print("nothing more")

    a = A("h")
    f = weakref.finalize(a, print, "detached one")
    print("detach", f.detach())
    a = None
    gc.collect()
    print("detached: no call")

    # a finalizer lives as long as its referent, held or not
    a = A("i")
    weakref.finalize(a, print, "unheld finalizer ran")
    gc.collect()
    print("referent still alive")
    a = None
    gc.collect()


def test_order():
    a = A("o")
    r1 = weakref.ref(a, lambda r: print("ref1", r()))
    f1 = weakref.finalize(a, lambda: print("finalize1"))
    r2 = weakref.ref(a, lambda r: print("ref2", r()))
    f2 = weakref.finalize(a, lambda: print("finalize2"))
    print(r1(), f1.alive, r2(), f2.alive)
    a = None
    gc.collect()
    print(r1(), f1.alive, r2(), f2.alive)


def test_errors():
    def bad(*args):
        raise ValueError("in callback")

    a = A("e")
    r = weakref.ref(a, bad)
    a = None
    gc.collect()
    print("collect done")
    try:
        weakref.finalize(A("x"))
    except TypeError as e:
        print("TypeError", e)


test_ref()
test_finalize()
test_order()
test_errors()
for args in [(), (1,)]:
    try:
        weakref.finalize(*args)
    except TypeError as e:
        print("TypeError", e)
try:
    weakref.ref()
except TypeError as e:
    print("TypeError", e)
