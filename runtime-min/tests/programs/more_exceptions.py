def check(v):
    try:
        if v == 0:
            raise ValueError("zero")
        elif v == 1:
            raise KeyError(v)
        elif v == 2:
            return 1 / 0
        return "ok"
    except ValueError as e:
        return "value:" + str(e)
    except KeyError as e:
        return "key:" + repr(e)
    except ZeroDivisionError as e:
        return "zde:" + str(e)
    finally:
        pass
print([check(i) for i in range(4)])
try:
    raise Exception("a", "b")
except Exception as e:
    print(e, e.args, repr(e))
try:
    raise Exception()
except Exception as e:
    print(repr(str(e)), repr(e))
def gen_err():
    yield 1
    raise IndexError("in gen")
try:
    for v in gen_err():
        print(v)
except IndexError as e:
    print("gen error", e)
try:
    x = [1, 2, 3]
    a, b = x
except ValueError as e:
    print(e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print(e)
try:
    "abc".index("z")
except ValueError as e:
    print(e)
try:
    [1].remove(5)
except ValueError as e:
    print(e)
try:
    print(len(5))
except TypeError as e:
    print(e)
try:
    f = 5
    f()
except TypeError as e:
    print(e)
try:
    [] + ()
except TypeError as e:
    print(e)
try:
    import nonexistent_module
except ImportError as e:
    print("import error:", e)
try:
    def needs(a, b):
        pass
    needs(1)
except TypeError as e:
    print(e)
try:
    needs(1, 2, 3)
except TypeError as e:
    print(e)
try:
    needs(1, c=2)
except TypeError as e:
    print(e)
