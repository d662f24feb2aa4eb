it = iter([1, 2])
print(next(it), next(it))
try:
    next(it)
except StopIteration:
    print("stop")
print(next(it, "default"))


def g():
    yield 1


x = g()
print(list(x), list(x))
