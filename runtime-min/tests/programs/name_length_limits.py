# Names are interned in MicroPython, and an interned name is at most 255 bytes: a longer
# attribute, class, keyword, %-format key or module name raises RuntimeError there.
# Names up to the limit work everywhere (a lookup of one used to be cut at 64 bytes).


def make_id(n, base="a"):
    return "".join(chr(ord(base) + i % 26) for i in range(n))


class A:
    pass


for l in (63, 64, 65, 200, 254, 255, 256, 300):
    name = make_id(l)
    a = A()
    for step in ("setattr", "hasattr", "getattr", "getattr3", "delattr", "gone"):
        try:
            if step == "setattr":
                setattr(a, name, l)
                r = name in a.__dict__
            elif step == "hasattr":
                r = hasattr(a, name)
            elif step == "getattr":
                r = getattr(a, name)
            elif step == "getattr3":
                r = getattr(a, name + "x", "default") if l < 255 else getattr(a, name, 0)
            elif step == "delattr":
                delattr(a, name)
                r = len(a.__dict__)
            else:
                r = hasattr(a, name)
            print(l, step, r)
        except RuntimeError as e:
            print(l, step, "RuntimeError", e)
        except AttributeError:
            print(l, step, "AttributeError")

# A class named by type(), and one found through a str-keyed class dict.
for l in (255, 256):
    try:
        T = type(make_id(l), (), {make_id(l, "A"): 7})
        print(len(T.__name__), getattr(T, make_id(l, "A")))
    except RuntimeError as e:
        print("type", l, e)


# Keyword names from a ** mapping.
def f(**k):
    return sorted(len(x) for x in k)


def g(x=0, **k):
    return x, len(k)


for l in (254, 255, 256):
    try:
        print(f(**{make_id(l): 1}), g(**{make_id(l, "B"): 2, "x": 3}))
    except RuntimeError as e:
        print("kwargs", l, e)
    try:
        print(len(("{" + make_id(l) + "}").format(**{make_id(l): l})))
    except RuntimeError as e:
        print("format", l, e)
    try:
        print(("%(" + make_id(l) + ")d") % {make_id(l): l})
    except RuntimeError as e:
        print("percent", l, e)

# The dict check of %(key) comes before the key is scanned.
for fmt, arg in (("%(a", 5), ("%(a", {}), ("%(a)d", 5), ("%(a)s", {"a": "x"})):
    try:
        print(fmt % arg)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

# Module names (a 255-byte one depends on the port's file system, so is not tried).
for l in (100, 129, 256, 300):
    try:
        __import__(make_id(l))
    except ImportError:
        print("import", l, "ImportError")
    except RuntimeError as e:
        print("import", l, e)
