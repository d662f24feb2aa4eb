def f():
    try:
        return 1
    finally:
        return 2
print(f())
def g():
    for i in range(5):
        try:
            if i == 3:
                return i
        finally:
            if i == 3:
                print("finally at", i)
print(g())
def h():
    try:
        raise ValueError("a")
    except ValueError:
        try:
            raise TypeError("b")
        except TypeError as e:
            print("inner", e)
        print("still in outer handler")
h()
try:
    try:
        raise ValueError("x")
    finally:
        print("fin1")
except ValueError as e:
    print("outer caught", e)
def gen():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("generator exit")
        raise
g2 = gen()
next(g2)
g2.close()
class Ctx:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        print("exit with", t.__name__ if t else None, v)
        return False
try:
    with Ctx():
        raise KeyError("kk")
except KeyError as e:
    print("after ctx", repr(e))
def raiser(kind):
    raise kind("msg")
for k in (ValueError, TypeError, IndexError, KeyError, ZeroDivisionError, RuntimeError, AttributeError):
    try:
        raiser(k)
    except Exception as e:
        print(type(e).__name__, e)
try:
    raise ValueError from None
except ValueError as e:
    print("from None", repr(e))
e1 = ValueError("saved")
try:
    raise e1
except ValueError as e:
    print(e is e1)
try:
    x = 1 / 0
except ArithmeticError as e:
    print("arith", type(e).__name__)
try:
    [].pop()
except IndexError as e:
    print(e)
try:
    {}.popitem()
except KeyError as e:
    print("popitem", e)
try:
    int("1.5")
except ValueError as e:
    print(e)
try:
    float("abc")
except ValueError as e:
    print(e)
try:
    "a" * "b"
except TypeError as e:
    print(e)
try:
    None + 1
except TypeError as e:
    print(e)
try:
    -"a"
except TypeError as e:
    print(e)
try:
    [1, 2][1.5]
except TypeError as e:
    print(e)
try:
    (1,)[3]
except IndexError as e:
    print(e)
try:
    "abc"[10]
except IndexError as e:
    print(e)
try:
    x = {}
    x[[1]] = 2
except TypeError as e:
    print(e)
try:
    iter(5)
except TypeError as e:
    print(e)
try:
    next(iter([]))
except StopIteration:
    print("empty next")
try:
    a, b = 1
except TypeError as e:
    print(e)
