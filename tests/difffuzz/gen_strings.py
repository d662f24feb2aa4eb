"""Random str and bytes operations for differential runtime testing: random texts over ASCII,
whitespace, separators and multi-byte characters; every str/bytes method with random
arguments, slicing with random steps, comparisons, concatenation and repetition, and the
repr of the results. usage: gen_strings.py SEED [CASES]"""
import random
import sys

R = random.Random(int(sys.argv[1]))
N = int(sys.argv[2]) if len(sys.argv) > 2 else 250
POOL = "aAbB z,.-_\t\n\r\x0b\x0c01é中😀\\'\"" + "ab"


def text(n=None):
    n = R.randint(0, 12) if n is None else n
    return "".join(R.choice(POOL) for _ in range(n))


def s():
    return repr(text())


def b():
    return repr(text().encode("ascii", "ignore"))


def i():
    return R.choice(["0", "1", "2", "-1", "-3", "5", "10", "100", "None"])


STR_METHODS = [
    ("split", ["", "{s}", "{s}, {i}", "None, {i}"]), ("rsplit", ["", "{s}", "{s}, {i}", "None, {i}"]),
    ("strip", ["", "{s}", "None"]), ("lstrip", ["", "{s}"]), ("rstrip", ["", "{s}"]),
    ("find", ["{s}", "{s}, {i}", "{s}, {i}, {i}"]), ("rfind", ["{s}", "{s}, {i}, {i}"]),
    ("index", ["{s}", "{s}, {i}"]), ("rindex", ["{s}"]), ("count", ["{s}", "{s}, {i}, {i}"]),
    ("replace", ["{s}, {s}", "{s}, {s}, {i}"]), ("startswith", ["{s}", "{s}, {i}", "({s}, {s})", "{s}, {i}, {i}"]),
    ("endswith", ["{s}", "({s}, {s}), {i}", "{s}, {i}, {i}"]), ("partition", ["{s}"]), ("rpartition", ["{s}"]),
    ("center", ["{i}", "{i}, {c}"]), ("splitlines", ["", "True", "False"]), ("upper", [""]), ("lower", [""]),
    ("isspace", [""]), ("isalpha", [""]), ("isdigit", [""]), ("isupper", [""]), ("islower", [""]),
    ("join", ["[{s}, {s}]", "[]", "({s},)", "{s}"]), ("encode", ["", "'utf-8'", "'ascii'"]),
    ("format", ["", "{s}", "{s}, {s}"]),
]


def args(spec, kind):
    out = spec
    while "{s}" in out:
        out = out.replace("{s}", s() if kind == "str" else b(), 1)
    while "{i}" in out:
        out = out.replace("{i}", i(), 1)
    while "{c}" in out:
        out = out.replace("{c}", repr(R.choice("*é ")) if kind == "str" else repr(R.choice("* ").encode()), 1)
    return out


def case():
    r = R.random()
    kind = "str" if r < 0.65 else "bytes"
    obj = s() if kind == "str" else b()
    if R.random() < 0.7:
        name, specs = R.choice(STR_METHODS)
        if kind == "bytes" and name == "encode":
            name, specs = "decode", ["", "'utf-8'"]
        return "%s.%s(%s)" % (obj, name, args(R.choice(specs), kind))
    r = R.random()
    if r < 0.3:
        return "%s[%s:%s:%s]" % (obj, i(), i(), R.choice(["None", "1", "2", "-1", "-2", "3"]))
    if r < 0.45:
        return "%s[%s]" % (obj, i())
    if r < 0.6:
        return "%s %s %s" % (obj, R.choice(["<", "<=", "==", "!=", ">", "in", "+"]), s() if kind == "str" else b())
    if r < 0.7:
        return "%s * %s" % (obj, R.choice(["0", "1", "3", "-1"]))
    if r < 0.8:
        return "len(%s), list(%s)[:5]" % (obj, obj)
    if r < 0.9:
        return "%s(%s)" % (R.choice(["repr", "str", "hash", "sorted", "reversed" if False else "max" if False else "repr"]), obj)
    return "%s %% %s" % (obj, R.choice(["()", "(1,)", "{}"]))


lines = []
for k in range(N):
    lines.append("try:\n    print(%d, repr(%s))\nexcept Exception as e:\n    print(%d, 'E', type(e).__name__, e)" % (k, case(), k))
print("\n".join(lines))
