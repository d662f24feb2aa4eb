def show(*args, **kwargs):
    return "%r %r" % (args, sorted(kwargs.items()))
print(show())
print(show(1, 2, a=3))
t = (1, 2)
d = {"x": 1}
print(show(*t, *t, **d, y=2))
print(show(0, *range(3)))
print(*[1, 2, 3], sep="-")
print(*"abc")
def kw(a, b, c=0):
    return a + b + c
print(kw(**{"a": 1, "b": 2}), kw(1, **{"c": 5, "b": 1}))
class C:
    def m(self, *a, **k):
        return len(a) + len(k)
o = C()
print(o.m(*[1, 2], **{"z": 1}))
args = [3, 1, 2]
print(max(*args), sorted(args, **{"reverse": True}))
