"""Random formatting programs for differential runtime testing: str.format / format() / f-string
specs, printf-style % specs, float repr of random bit patterns, float and int parsing of random
text, round(). usage: gen_format.py SEED [CASES]"""
import random
import sys

R = random.Random(int(sys.argv[1]))
N = int(sys.argv[2]) if len(sys.argv) > 2 else 200
INTS = ["0", "1", "-1", "7", "-42", "255", "1000000", "-123456789", "2**31", "-(2**40)", "2**70", "True", "False"]
FLOATS = ["0.0", "-0.0", "1.5", "-2.25", "0.1", "1e16", "1e-7", "123456.789", "1e300", "5e-324", "float('inf')",
          "float('-inf')", "float('nan')", "2.5", "0.5", "1/3", "-1e22", "9.999999e15", "0.000123"]
STRS = ["''", "'a'", "'hello'", "'\\u00e9t\\u00e9'", "' x '"]
OTHERS = ["None", "[1, 2]", "(1,)", "b'ab'"]


def value():
    r = R.random()
    if r < 0.4:
        return R.choice(INTS)
    if r < 0.8:
        return R.choice(FLOATS)
    if r < 0.95:
        return R.choice(STRS)
    return R.choice(OTHERS)


def fmt_spec():
    s = ""
    if R.random() < 0.3:
        s += R.choice(["", "*", "0", "x", "-", " "]) + R.choice("<>^=")
    if R.random() < 0.3:
        s += R.choice("+- ")
    if R.random() < 0.2:
        s += "#"
    if R.random() < 0.2:
        s += "0"
    if R.random() < 0.5:
        s += str(R.choice([0, 1, 3, 5, 8, 12, 20]))
    if R.random() < 0.2:
        s += R.choice([",", "_"])
    if R.random() < 0.4:
        s += "." + str(R.choice([0, 1, 2, 3, 6, 10, 17, 20]))
    if R.random() < 0.7:
        s += R.choice("bcdeEfFgGnosxX%")
    return s


def pct_spec():
    s = "%"
    for flag in "-+ #0":
        if R.random() < 0.15:
            s += flag
    if R.random() < 0.5:
        s += R.choice(["1", "4", "10", "*"])
    if R.random() < 0.4:
        s += "." + R.choice(["0", "2", "5", "12", "*"])
    return s + R.choice("diouxXeEfFgGcrs%")


def pct_args(spec):
    n = spec.count("*") + (0 if spec.endswith("%%") or spec == "%%" else 1)
    args = [R.choice(["3", "7", "-2"]) for _ in range(spec.count("*"))] + [value() for _ in range(n - spec.count("*"))]
    return "(" + ", ".join(args) + ("," if len(args) == 1 else "") + ")"


def random_double():
    bits = R.getrandbits(64)
    if R.random() < 0.3:
        # a value near a power of ten or a round number
        return "%r" % (R.choice([1, 3, 7, 9]) * 10.0 ** R.randint(-30, 30))
    return "struct.unpack('<d', %r)[0]" % bits.to_bytes(8, "little")


def number_text():
    digits = "".join(R.choice("0123456789") for _ in range(R.randint(1, 25)))
    r = R.random()
    if r < 0.3:
        digits = digits[: R.randint(0, len(digits))] + "." + digits[R.randint(0, len(digits)):]
    if r < 0.5:
        digits += R.choice(["e", "E"]) + R.choice(["", "+", "-"]) + str(R.randint(0, 330))
    if R.random() < 0.2:
        digits = R.choice(["-", "+", " ", "  -"]) + digits
    if R.random() < 0.1:
        digits = digits.replace("1", "_1", 1)
    return repr(digits)


def case():
    r = R.random()
    if r < 0.25:
        return "'{:%s}'.format(%s)" % (fmt_spec(), value())
    if r < 0.35:
        return "format(%s, %r)" % (value(), fmt_spec())
    if r < 0.45:
        return "f'{%s:%s}'" % (value().replace("'", '"'), fmt_spec())
    if r < 0.65:
        spec = pct_spec()
        return "%r %% %s" % (spec, pct_args(spec))
    if r < 0.8:
        return R.choice(["repr(%s)", "str(%s)", "'%%r' %% (%s,)", "'{}'.format(%s)"]) % random_double()
    if r < 0.9:
        return "%s(%s)" % (R.choice(["float", "float", "int"]), number_text())
    return "round(%s, %s)" % (random_double(), R.choice(["", "0", "1", "2", "5", "-1", "-3", "15", "300"]))


lines = ["import struct"]
for k in range(N):
    lines.append("try:\n    print(%d, repr(%s))\nexcept Exception as e:\n    print(%d, 'E', type(e).__name__, e)" % (k, case(), k))
print("\n".join(lines))
