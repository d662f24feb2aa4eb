# Native closures, nonlocal, lambdas, default and keyword arguments, *args/**kwargs (prints).
import micropython


@micropython.native
def counter(start):
    n = start

    def bump(step=1):
        nonlocal n
        n += step
        return n

    return bump


@micropython.native
def make_adders(k):
    return [lambda x, i=i: x + i * k for i in range(3)]


@micropython.native
def kw(a, b=2, *rest, c=3, **more):
    return (a, b, rest, c, sorted(more.items()))


@micropython.native
def apply(f, *args, **kwargs):
    return f(*args, **kwargs)


c = counter(10)
print(c(), c(5), c())
print([f(100) for f in make_adders(7)])
print(kw(1))
print(kw(1, 5, 6, 7, c=8, z=9, y=0))
print(apply(kw, 4, c=1))
print(apply(max, 3, 9, 2))
