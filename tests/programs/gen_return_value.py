def gen():
    yield 1
    return "finished"


g = gen()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print(e.value, e.args)


def empty():
    return 5
    yield


try:
    next(empty())
except StopIteration as e:
    print("empty returned", e.value)
