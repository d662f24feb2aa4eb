# str.format field errors, super() repr, namedtuple immutability, locals() in class bodies.
from collections import namedtuple

for f in ("{abc", "{!s :s}", "{!x}", "{!}", "{}}", "}", "{0}{}", "{:d}", "{0!r:>5}", "{!s}"):
    try:
        print(repr(f.format("v")))
    except (ValueError, IndexError, KeyError) as e:
        print(type(e).__name__, e)


class A:
    def show(self):
        return str(super())[:18]


print(A().show())
T = namedtuple("T", "a b")
t = T(1, 2)
for attempt in ("a", "c"):
    try:
        setattr(t, attempt, 5)
    except AttributeError:
        print("AttributeError", attempt)
print(t)
top = 1


class Body:
    y = 2
    seen = sorted(k for k in locals() if not k.startswith("__"))

    def f(self):
        pass

    has_f = "f" in locals()
    has_top = "top" in locals()


print(Body.seen, Body.has_f, Body.has_top, locals()["top"])
