# micropython.heap_lock / heap_unlock, code that allocates nothing under the lock (calls,
# for loops over containers, bytearray and memoryview slices, concatenation with an empty
# str or bytes, builtins over containers, re-raising a pre-allocated exception), the
# emergency exception, and micropython.schedule.
import micropython

micropython.heap_lock()
micropython.heap_lock()
try:
    x = [1, 2]
except MemoryError:
    pass
print(micropython.heap_unlock())
print(micropython.heap_unlock())


class Callable:
    def __call__(self, a, b=2):
        return a + b

    def method(self, x):
        return x * 2


def no_alloc(t, l, d, s, ba, r, m, c):
    out = 0
    for x in t:
        out += x
    for x in l:
        out += x
    for k in d:
        out += k
    for k in s:
        out += k
    for b in ba:
        out += b
    for i in r:
        out += i
    out += c(1) + c(1, 3) + c.method(5)
    out += sum(t) + max(l) + min(l) + len(d)
    if all(t) and any(l) and 2 in t and 3 in d and 4 in s:
        out += 1000
    ba[0:2] = b"zz"
    m[2:4] = b"yy"
    e = b"" + b"ab"
    f = "cd" + ""
    return out + len(e) + len(f) + ba[1]


ba = bytearray(b"abcd")
vals = ((1, 2, 3), [4, 5], {3: 1, 6: 2}, {4, 7}, ba, range(3), memoryview(ba), Callable())
res = None
micropython.heap_lock()
try:
    res = no_alloc(*vals)
except MemoryError:
    res = "MemoryError"
micropython.heap_unlock()
print(res, ba)
# Things that allocate raise MemoryError with the heap locked.
for make in (lambda: [1], lambda: {}, lambda: "a" + "b", lambda: str(12345), lambda: (1, [])):
    micropython.heap_lock()
    try:
        make()
        res = "no error"
    except MemoryError:
        res = "MemoryError"
    micropython.heap_unlock()
    print(res)

# A pre-allocated exception, its traceback cleared, raises again with the heap locked.
exc = ValueError("pre")
try:
    raise exc
except ValueError:
    pass
caught = None


def raise_it():
    global caught
    micropython.heap_lock()
    exc.__traceback__ = None
    try:
        raise exc
    except ValueError as e:
        caught = e
    micropython.heap_unlock()


raise_it()
print(caught is exc, caught.args)

# Errors raised by the VM with the heap locked come as the emergency exception: the right
# type, without arguments.
names = [None, None, None]


def errors():
    micropython.heap_lock()
    try:
        undefined_name_here
    except NameError as e:
        names[0] = type(e)
    try:
        raise 0
    except TypeError as e:
        names[1] = type(e)
    try:
        names[5]
    except IndexError as e:
        names[2] = type(e)
    micropython.heap_unlock()


errors()
print(names)
try:
    undefined_name_here
except NameError as e:
    print(e)

# micropython.schedule: the callback runs at the next branch, one at a time, never inside
# another; an exception in it is printed and does not reach the interrupted code.
log = []


def cb(arg):
    log.append(arg)


micropython.schedule(cb, 1)
n = 0
while not log:
    n += 1
print(log)


def outer(arg):
    micropython.schedule(cb, "inner")
    for i in range(3):
        pass
    log.append("outer done")


log = []
micropython.schedule(outer, None)
while len(log) < 2:
    pass
print(log)

log = []


def fill(arg):
    try:
        for i in range(10):
            micropython.schedule(cb, i)
    except RuntimeError as e:
        log.append(str(e))


micropython.schedule(fill, None)
while len(log) < 5:
    pass
print(log)
for i in range(3):
    pass
print(log)

try:
    micropython.schedule(cb)
except TypeError:
    print("TypeError")
micropython.kbd_intr(3)
micropython.kbd_intr(-1)
