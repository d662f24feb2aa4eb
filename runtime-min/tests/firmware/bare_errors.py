# The firmware built without the `error-messages` feature (MicroPython's
# MICROPY_ERROR_REPORTING_NONE): the errors the VM raises come without a message, the ones
# that carry a value keep it, and exceptions raised by Python code keep their arguments.
# bare_errors.expected is what MicroPython 1.29 prints built so (its unix port, minimal
# variant, with MICROPY_ERROR_REPORTING=0; built by hand).


def test(name, f):
    try:
        r = f()
        print(name, "->", repr(r))
    except Exception as e:
        print(name, type(e), e.args)


class Point:
    def __init__(self, x):
        self.x = x


def raise_value_error(*args):
    raise ValueError(*args)


def needs_two(a, b):
    return a + b


test("add", lambda: 1 + "a")
test("div", lambda: 1 // 0)
test("attr", lambda: Point(1).y)
test("name", lambda: undefined_name)
test("index", lambda: [1, 2][5])
test("key", lambda: {"a": 1}["b"])
test("int", lambda: int("x1"))
test("call", lambda: needs_two(1))
test("unpack", lambda: [a for a, b in [(1, 2, 3)]])
test("len", lambda: len(5))
test("hash", lambda: {[1]: 2})
test("iter", lambda: next(iter([])))
test("chr", lambda: chr(-1))
test("import", lambda: __import__("no_such_module"))
test("user", lambda: raise_value_error("kept", 2))
test("ok", lambda: Point(3).x + 1)
try:
    raise KeyError("mine")
except KeyError as e:
    print("raised by Python", e.args)
print("done")
