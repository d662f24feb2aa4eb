"""Random function signatures and calls for differential runtime testing: positional
parameters, defaults, *args, keyword-only parameters (with and without defaults), **kwargs,
and calls with positional and keyword arguments, *sequences and **mappings (duplicates and
missing arguments included); also bound methods, lambdas, closures and generators.
usage: gen_calls.py SEED"""
import random
import sys

R = random.Random(int(sys.argv[1]))
NAMES = ["a", "b", "c", "d", "e"]


def signature():
    names = R.sample(NAMES, R.randint(0, 4))
    params = []
    n_pos = R.randint(0, len(names))
    pos, kwonly = names[:n_pos], names[n_pos:]
    n_def = R.randint(0, len(pos))
    for i, p in enumerate(pos):
        params.append(p + ("=%d" % (i * 10) if i >= len(pos) - n_def else ""))
    star = R.random() < 0.4
    if star:
        params.append("*args")
    elif kwonly:
        params.append("*")
    for p in kwonly:
        params.append(p + ("=%r" % p.upper() if R.random() < 0.5 else ""))
    if R.random() < 0.4:
        params.append("**kw")
    return params, star


def body(params):
    names = [p.split("=")[0].lstrip("*") for p in params if p != "*"]
    parts = []
    for n in names:
        parts.append("sorted(%s.items())" % n if n == "kw" else n)
    return "(" + ", ".join(parts) + ("," if len(parts) == 1 else "") + ")"


def call_args():
    args = []
    for _ in range(R.randint(0, 3)):
        args.append(str(R.randint(1, 9)))
    if R.random() < 0.3:
        args.append("*" + R.choice(["[7, 8]", "()", "(9,)", "'xy'", "range(3)", "None"]))
    kws = R.sample(NAMES + ["z"], R.randint(0, 3))
    for k in kws:
        args.append("%s=%d" % (k, R.randint(10, 99)))
    if R.random() < 0.3:
        args.append("**" + R.choice(["{'a': 1}", "{}", "{'z': 2, 'e': 3}", "{'b': 4}", "{1: 2}", "None", "[('a', 1)]"]))
    if R.random() < 0.1 and kws:
        args.append("%s=0" % kws[0])  # a repeated keyword: a syntax error in CPython, checked at run time here
    return ", ".join(args)


out = ["def t(f):\n    try:\n        print(repr(f()))\n    except Exception as e:\n        print(type(e).__name__, e)"]
for k in range(R.randint(4, 8)):
    params, star = signature()
    kind = R.choice(["def", "def", "method", "lambda", "closure", "gen"])
    sig = ", ".join(params)
    if kind == "def":
        out.append("def f%d(%s):\n    return %s" % (k, sig, body(params)))
        target = "f%d" % k
    elif kind == "method":
        out.append("class K%d:\n    def m(self%s):\n        return %s\nf%d = K%d().m" % (k, (", " + sig) if sig else "", body(params), k, k))
        target = "f%d" % k
    elif kind == "lambda":
        out.append("f%d = lambda %s: %s" % (k, sig, body(params)))
        target = "f%d" % k
    elif kind == "closure":
        out.append("def mk%d():\n    q = %d\n    def f(%s):\n        return (q,) + %s\n    return f\nf%d = mk%d()" % (k, k, sig, body(params), k, k))
        target = "f%d" % k
    else:
        out.append("def g%d(%s):\n    yield %s\nf%d = lambda *a, **k: list(g%d(*a, **k))" % (k, sig, body(params), k, k))
        target = "g%d" % k
        out.append("t(lambda: list(g%d()))" % k)
    for _ in range(R.randint(3, 8)):
        src = call_args()
        if "=0" in src.split(", ")[-1] and src.count("=") > 1:
            # a repeated keyword is a compile error: keep it out of the program
            src = ", ".join(src.split(", ")[:-1])
        out.append("t(lambda: %s(%s))" % (target if kind != "gen" else "f%d" % k, src))
print("\n".join(out))
