x = 5
print(1 < x < 10, 1 < x > 10, x == 5 == 5.0, 1 <= x <= 5 < 6)
calls = []


def v(n):
    calls.append(n)
    return n


print(v(1) < v(0) < v(2))
print(calls)
print("a" < "b" < "c", [1] < [1, 0] < [2])
print(None is not None, 3 in [1, 2, 3] not in [[1]])
