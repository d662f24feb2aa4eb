# sys.print_exception to stdout, to a StringIO and with non-exception values
import io
import sys


def parse(text):
    if not text:
        raise ValueError("empty input")
    return int(text)


def total(items):
    return sum(parse(t) for t in items)


try:
    total(["1", "2", ""])
except ValueError as err:
    sys.print_exception(err)
    out = io.StringIO()
    sys.print_exception(err, out)
    lines = out.getvalue().split("\n")
    print(len(lines), lines[0], lines[-2])
    sys.print_exception(err, sys.stdout)

sys.print_exception(KeyError("missing"))
sys.print_exception(OSError(2, "no file"))
sys.print_exception(StopIteration())
for value in (42, "text", [1, 2]):
    sys.print_exception(value)
try:
    sys.print_exception(ValueError("x"), 123)
except OSError as e:
    print("OSError", e)
print(sys.maxsize, sys.maxsize + 1, type(sys.maxsize))
