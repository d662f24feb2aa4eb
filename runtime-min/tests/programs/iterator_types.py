def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: map(1))
t(lambda: list(map(1, [1])))
t(lambda: zip(1))
t(lambda: enumerate())
t(lambda: reversed(5))
t(lambda: next(map(abs, [-1])))
t(lambda: map(abs, [-1]).__next__())
t(lambda: zip([1]).__next__())
t(lambda: isinstance(zip(), zip))
t(lambda: issubclass(map, object))
t(lambda: (map, zip, filter, enumerate, reversed))
t(lambda: list(enumerate("ab", start=5)))
t(lambda: list(enumerate(iterable="ab")))
t(lambda: filter(None, [0, 1, 2]).__next__())
class E(enumerate):
    pass
t(lambda: list(E("xy", 3)))
class Z(zip):
    def extra(self):
        return 1
z = Z([1, 2], "ab")
t(lambda: (list(z), z.extra(), isinstance(z, zip), type(z).__name__))
t(lambda: type({}.items()).__name__)
t(lambda: [type(x) for x in (iter([]), iter({}), iter(range(2)), iter(b""), iter(set()))])
t(lambda: list(reversed(range(3))))
t(lambda: type(reversed(range(3))))
t(lambda: type(reversed([1, 2])))
t(lambda: reversed.__name__)
m = map(abs, [1, -2])
print(type(m), type(m) is map, isinstance(m, map))
print(type(filter(None, [])), type(zip()), type(enumerate([])), type(reversed([1])), type(iter([])), type(iter(())), type(iter("ab")), type(range(3).__iter__()) if hasattr(range(3), '__iter__') else 0)
print(map.__name__, zip)
print(type({}.keys()), type({}.items()), type({}.values()))
print(type(x for x in []))
def g(): yield 1
print(type(g), type(g()))
print(type(print), type(len), type([].append), type("".join))
