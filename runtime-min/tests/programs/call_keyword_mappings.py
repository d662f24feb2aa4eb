# ** arguments: keys must be str, checked while the call's arguments are gathered (before the
# function's own argument checks); mappings with keys() work too


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


def f(a, b=2, *args, c, **kw):
    return (a, b, args, c, sorted(kw.items()))


class Mapping:
    def keys(self):
        return ["c", "z"]

    def __getitem__(self, k):
        return k * 2


for g in (
    lambda: f(1, 2, 3, 4, **{1: 2}),
    lambda: f(**{1: 2}),
    lambda: f(1, c=3, **{"z": 1}),
    lambda: f(1, **Mapping()),
    lambda: f(1, c=0, **Mapping()),
    lambda: f(1, **{"a": 2, "c": 3}),
    lambda: f(1, **[("c", 1)]),
    lambda: f(1, **None),
    lambda: f(*None, c=1),
    lambda: f(*"xy", c=1, d=4),
):
    t(g)
