def f(x):
    if x < 0:
        raise ValueError("negative")
    return x
try:
    f(-1)
except ValueError as e:
    print("caught", e, repr(e), e.args)
try:
    [][1]
except IndexError as e:
    print("IndexError:", e)
try:
    {}["k"]
except LookupError as e:
    print("LookupError:", repr(e))
try:
    undefined_name
except NameError as e:
    print(e)
try:
    1 + "a"
except TypeError as e:
    print(e)
try:
    int("xyz")
except ValueError as e:
    print(e)
try:
    None.foo
except AttributeError as e:
    print(e)
def g():
    try:
        return "try"
    finally:
        print("finally runs")
print(g())
for i in range(3):
    try:
        if i == 1:
            continue
        print("loop", i)
    finally:
        print("fin", i)
class MyError(Exception):
    def __init__(self, code):
        super().__init__("code %d" % code)
        self.code = code
try:
    raise MyError(42)
except Exception as e:
    print(type(e).__name__, e, e.code)
try:
    try:
        raise KeyError("inner")
    except KeyError:
        raise RuntimeError("outer")
except RuntimeError as e:
    print("got", e)
try:
    try:
        1 / 0
    finally:
        print("cleanup")
except ZeroDivisionError:
    print("zde")
def nested():
    try:
        raise TypeError("t")
    except TypeError:
        raise
try:
    nested()
except TypeError as e:
    print("reraised", e)
try:
    assert 1 == 2, "math"
except AssertionError as e:
    print("assert", e)
try:
    raise StopIteration
except StopIteration:
    print("stop")
e = None
try:
    raise ValueError
except (TypeError, ValueError) as ex:
    print("tuple match", type(ex).__name__)
else:
    print("no")
try:
    pass
except Exception:
    pass
else:
    print("else branch")
def deep(n):
    return deep(n + 1)
try:
    deep(0)
except RuntimeError as e:
    print("recursion:", e)
print(ZeroDivisionError.__name__, issubclass(KeyError, LookupError), isinstance(ValueError(), Exception))
