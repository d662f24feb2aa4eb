def f(a, b, c, d):
    return a + b * 2 + c * 3 + d * 4


args = [1, 2]
kwargs = {"d": 4}
print(f(*args, 3, **kwargs))
print(f(*range(4)))
print(f(1, *[2, 3], d=5))
print(f(*(1, 1), *[1], 1))
print(f(**{"a": 1, "b": 2, "c": 3, "d": 4}))
print(f(1, 2, **{"c": 0}, d=1))
