def take(n, it):
    out = []
    for v in it:
        if len(out) >= n:
            break
        out.append(v)
    return out
def squares():
    i = 0
    while True:
        yield i * i
        i += 1
print(take(5, squares()))
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], (3,), "ab", range(2))))
def gen_with_return():
    yield 1
    return 5
g = gen_with_return()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("stop value", e.value, e.args)
def pipeline():
    nums = (i for i in range(20))
    evens = (n for n in nums if n % 2 == 0)
    return [e * 10 for e in evens]
print(pipeline())
def accumulate():
    total = 0
    while True:
        v = yield total
        if v is None:
            return total
        total += v
a = accumulate()
next(a)
for v in [1, 2, 3]:
    print(a.send(v), end=" ")
print()
def gen_finally():
    try:
        for i in range(3):
            yield i
    finally:
        print("gen cleanup")
for v in gen_finally():
    pass
print(list(enumerate(x for x in "ab")))
it = iter(range(3))
print(list(it), list(it))
print(sorted((x % 3, x) for x in range(6)))
