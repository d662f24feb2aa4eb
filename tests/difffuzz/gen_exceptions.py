"""Random exception objects and raise/catch patterns for differential runtime testing: every
built-in exception type with 0-3 arguments of several kinds (str, repr, args, attributes),
user subclasses, matching against tuples and bases, re-raising, `raise ... from ...`,
exceptions replaced in `finally`/`except` blocks. usage: gen_exceptions.py SEED [CASES]"""
import random
import sys

R = random.Random(int(sys.argv[1]))
N = int(sys.argv[2]) if len(sys.argv) > 2 else 120
TYPES = ["Exception", "BaseException", "ValueError", "KeyError", "IndexError", "TypeError", "OSError", "StopIteration",
         "RuntimeError", "ZeroDivisionError", "AttributeError", "NameError", "ImportError", "AssertionError",
         "NotImplementedError", "OverflowError", "MemoryError", "SystemExit", "KeyboardInterrupt", "GeneratorExit",
         "UnicodeError", "LookupError", "ArithmeticError", "StopAsyncIteration", "IndentationError", "SyntaxError",
         "EOFError", "E1", "E2"]
VALUES = ["", "'msg'", "1", "2, 'two'", "None", "(1, 2)", "''", "'a', 'b', 'c'", "[1]", "b'x'", "1.5", "E1('inner')"]


def exc():
    return "%s(%s)" % (R.choice(TYPES), R.choice(VALUES))


def case():
    r = R.random()
    if r < 0.3:
        return "(lambda e: (str(e), repr(e), e.args, type(e).__name__))(%s)" % exc()
    if r < 0.4:
        return "%s.%s" % (exc(), R.choice(["value", "errno", "strerror", "code", "args", "__class__.__name__"]))
    if r < 0.6:
        return "catch(lambda: raise_(%s), %s)" % (exc(), R.choice(TYPES + ["(KeyError, IndexError)", "(E1, ValueError)", "()", "(Exception,)"]))
    if r < 0.7:
        return "chain(%s, %s)" % (exc(), exc())
    if r < 0.8:
        return "replace_in_finally(%s, %s)" % (exc(), exc())
    if r < 0.9:
        return "isinstance(%s, %s)" % (exc(), R.choice(TYPES))
    return "issubclass(%s, %s)" % (R.choice(TYPES), R.choice(TYPES + ["(LookupError, OSError)"]))


PRE = '''class E1(Exception):
    pass
class E2(E1, ValueError):
    def __str__(self):
        return 'E2:' + repr(self.args)
def raise_(e):
    raise e
def catch(f, kinds):
    try:
        f()
    except kinds as e:
        return ('caught', type(e).__name__, e.args)
    except BaseException as e:
        return ('other', type(e).__name__, str(e))
def chain(a, b):
    try:
        try:
            raise a
        except BaseException:
            raise b from a
    except BaseException as e:
        return (type(e).__name__, str(e))
def replace_in_finally(a, b):
    try:
        try:
            raise a
        finally:
            raise b
    except BaseException as e:
        return (type(e).__name__, e.args)
'''
lines = [PRE]
for k in range(N):
    lines.append("try:\n    print(%d, repr(%s))\nexcept BaseException as e:\n    print(%d, 'E', type(e).__name__, e)" % (k, case(), k))
print("\n".join(lines))
