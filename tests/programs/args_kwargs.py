def f(**kw):
    return sorted(kw.items())


print(f(), f(a=1), f(b=2, a=1))


def g(a, b=0, *args, c, d=4, **kw):
    return a, b, args, c, d, sorted(kw.items())


print(g(1, c=3))
print(g(1, 2, 3, 4, c=5, d=6, e=7, f=8))
opts = {"c": 1, "z": 26}
print(g(0, **opts))
