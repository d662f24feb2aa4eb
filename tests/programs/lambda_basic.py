square = lambda x: x * x
add = lambda a, b=10: a + b
print(square(7), add(1), add(1, 2))
print((lambda: "no args")())
print((lambda *a, **k: (a, sorted(k)))(1, 2, z=3))
print(list(map(lambda p: p[0] * p[1], [(1, 2), (3, 4)])))
print(sorted([3, -4, 1], key=lambda v: -abs(v)))
compose = lambda f, g: lambda x: f(g(x))
print(compose(square, lambda x: x + 1)(3))
