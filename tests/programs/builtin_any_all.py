print(any([]), all([]), any([0, 0, 1]), all([1, 2, 0]))
print(any(x > 5 for x in range(10)), all(x < 10 for x in range(10)))
print(any("abc"), all(["a", ""]))


def noisy(v):
    print("check", v)
    return v


print(any(noisy(v) for v in [0, 3, 5]))
print(all(noisy(v) for v in [1, 0, 5]))
