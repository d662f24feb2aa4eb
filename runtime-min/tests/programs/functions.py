def f(a, b=2, *args, c=5, **kw):
    return (a, b, args, c, sorted(kw.items()))
print(f(1))
print(f(1, 2, 3, 4, c=6, z=1, y=2))
print(f(*[1, 2, 3], **{"c": 9}))
def kwonly(*, x, y=2):
    return x + y
print(kwonly(x=1), kwonly(y=5, x=1))
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c = counter()
print(c(), c(), c())
def adders():
    return [lambda x, i=i: x + i for i in range(3)]
print([g(10) for g in adders()])
def deco(fn):
    def wrapper(*a, **k):
        return "<" + str(fn(*a, **k)) + ">"
    return wrapper
@deco
def hello(name):
    return "hi " + name
print(hello("bob"))
def rec(n):
    return 1 if n <= 1 else n * rec(n - 1)
print(rec(10), rec(12))
def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
print([fib(i) for i in range(15)])
g = lambda *a: len(a)
print(g(), g(1, 2), (lambda: 42)())
def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner()
    return middle()
print(outer())
def defaults(a, b=[]):
    b.append(a)
    return b
print(defaults(1), defaults(2))
print(hello.__name__ if hasattr(hello, "__name__") else "?", f.__name__)
def ret_multi():
    return 1, "two", [3]
x, y, z = ret_multi()
print(x, y, z)
