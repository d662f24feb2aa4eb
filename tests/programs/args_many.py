def f(a, b, c, d, e, f, g, h, i, j):
    return a + b * 2 + c * 3 + d * 4 + e * 5 + f * 6 + g * 7 + h * 8 + i * 9 + j * 10


print(f(1, 1, 1, 1, 1, 1, 1, 1, 1, 1))
print(f(*range(10)))
print(f(0, 0, 0, 0, 0, j=1, i=1, h=1, g=1, f=1))


def count(*a, **k):
    return len(a), len(k)


print(count(*range(300)), count(**{"k%d" % i: i for i in range(50)}))
