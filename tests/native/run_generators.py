# Native generators: yield, yield from, send, generator expressions, close (prints).
import micropython


@micropython.native
def count(n):
    for i in range(n):
        yield i * i


@micropython.native
def chain(a, b):
    yield from a
    yield from b
    return "done"


@micropython.native
def echo():
    total = 0
    while True:
        got = yield total
        if got is None:
            break
        total += got


@micropython.native
def squares(n):
    return list(x * x for x in range(n) if x % 2)


@micropython.native
def with_finally(log):
    try:
        yield 1
        yield 2
    finally:
        log.append("closed")


print(list(count(6)))
print(list(chain(count(3), "ab")))
g = echo()
print(next(g), g.send(5), g.send(10))
try:
    g.send(None)
except StopIteration:
    print("stopped")
print(squares(9))
log = []
h = with_finally(log)
print(next(h))
h.close()
print(log)
