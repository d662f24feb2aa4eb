# Iterators that wrap iterators (enumerate, map, filter, zip, reversed ...) step each other
# natively: deep nesting ends in RuntimeError, never in a crash, and shallow nesting works.


def nest(fn, depth):
    x = (1, 2)
    for _ in range(depth):
        x = fn(x)
    return x


print(tuple(nest(lambda x: map(lambda v: v, x), 20)))
print(len(tuple(nest(enumerate, 3))))
print(tuple(nest(lambda x: filter(None, x), 20)))
print(tuple(nest(lambda x: zip(x), 4)))

for name, fn in (
    ("enumerate", enumerate),
    ("map", lambda x: map(abs, x)),
    ("filter", lambda x: filter(None, x)),
    ("zip", lambda x: zip(x, x)),
):
    x = (1, 2)
    depth = 0
    while True:
        for _ in range(10):
            x = fn(x)
        depth += 10
        try:
            tuple(x)
        except RuntimeError:
            print(name, "RuntimeError")
            break
        if depth > 100000:
            print(name, "no limit")
            break

# The VM still works after the error.
print(sum(map(lambda v: v * 2, filter(None, range(10)))))
