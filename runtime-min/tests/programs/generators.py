def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
print(list(count(4)), sum(count(5)))
g = count(2)
print(next(g), next(g), next(g, "done"))
def echo():
    received = []
    while True:
        x = yield len(received)
        if x is None:
            break
        received.append(x)
    return received
e = echo()
print(next(e), e.send("a"), e.send("b"))
try:
    e.send(None)
except StopIteration as s:
    print("returned", s.value)
def sub():
    yield 1
    yield 2
    return "sub-done"
def outer():
    r = yield from sub()
    yield r
print(list(outer()))
gen = (x * x for x in range(5))
print(list(gen), list(gen))
def infinite():
    n = 0
    while True:
        yield n
        n += 1
for v in infinite():
    if v > 3:
        break
    print(v, end=" ")
print()
def closer():
    try:
        yield 1
        yield 2
    finally:
        print("closed")
c = closer()
print(next(c))
c.close()
def thrower():
    try:
        yield 1
    except ValueError:
        yield "handled"
t = thrower()
print(next(t), t.throw(ValueError))
print(dict((k, k * 2) for k in "ab"), tuple(i for i in range(3)), any(x > 3 for x in range(5)))
def fibg():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
out = []
for n in fibg():
    if n > 100:
        break
    out.append(n)
print(out)
print(list(zip(count(3), "abc")), list(enumerate(count(2))))
