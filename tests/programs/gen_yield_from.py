def inner(n):
    for i in range(n):
        yield i
    return n * 100


def outer():
    r1 = yield from inner(2)
    print("inner returned", r1)
    r2 = yield from inner(3)
    print("inner returned", r2)
    yield from [7, 8]
    return r1 + r2


g = outer()
items = []
while True:
    try:
        items.append(next(g))
    except StopIteration as e:
        print("outer returned", e.value)
        break
print(items)
