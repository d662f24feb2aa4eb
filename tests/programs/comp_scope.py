x = "global"
result = [x for x in range(3)]
print(result, x)
n = 10
print([n + i for i in range(3)])


def f():
    k = 5
    return [k * i for i in range(4)]


print(f())


def g(items):
    offset = 100
    return {item: offset + item for item in items}


print(sorted(g([1, 2]).items()))
