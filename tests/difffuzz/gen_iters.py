"""Random iterator pipelines for differential runtime testing: enumerate, zip, map, filter,
reversed, iter(callable, sentinel), next with and without a default, range objects (len,
index, count, slicing, containment, equality), sorted/min/max/sum/any/all over them, and the
containers built from them (list, tuple, set, dict, str.join, bytes). Iterators are consumed
twice to check exhaustion. usage: gen_iters.py SEED [CASES]"""
import random
import sys

from fuzzlib import CASE_PRINTER

R = random.Random(int(sys.argv[1]))
N = int(sys.argv[2]) if len(sys.argv) > 2 else 200


def rng():
    a, b = R.randint(-5, 8), R.randint(-5, 12)
    step = R.choice(["", ", 1", ", 2", ", -1", ", -3", ", 3"])
    return "range(%d, %d%s)" % (a, b, step)


def source(depth=0):
    r = R.random()
    if depth > 2 or r < 0.3:
        return R.choice([rng(), "[3, 1, 2]", "'abc'", "(1, 0, 1)", "{'k': 1, 'j': 2}", "b'xy'", "[]",
                         "{5, 1}", "gen(4)", "iter([7, 8])"])
    if r < 0.45:
        return "enumerate(%s%s)" % (source(depth + 1), R.choice(["", ", 1", ", -2"]))
    if r < 0.6:
        return "zip(%s, %s)" % (source(depth + 1), source(depth + 1))
    if r < 0.7:
        return "map(%s, %s)" % (R.choice(["str", "repr", "lambda v: (v,)", "bool"]), source(depth + 1))
    if r < 0.8:
        return "filter(%s, %s)" % (R.choice(["None", "bool", "lambda v: v != 1"]), source(depth + 1))
    if r < 0.88:
        return "reversed(%s)" % R.choice([rng(), "[1, 2, 3]", "'abc'", "(4, 5)", "b'ab'"])
    return "iter(counter(), %d)" % R.randint(0, 4)


def case():
    r = R.random()
    s = source()
    if r < 0.35:
        return "twice(lambda: %s, %s)" % (s, R.choice(["list", "tuple", "sorted", "lambda i: sorted(set(map(repr, i)))"]))
    if r < 0.45:
        return "(lambda i: (next(i, 'end'), next(i, 'end'), list(i), next(i, 'end')))(iter(%s))" % s
    if r < 0.5:
        return "(lambda i: next(i))(iter([]))"
    if r < 0.65:
        g = rng()
        return R.choice([
            "len(%s)" % g, "list(%s[1:3])" % g, "%s[::-1]" % g, "%s[-1]" % g, "%s.index(2)" % g,
            "%s.count(3)" % g, "3 in %s" % g, "%s == %s" % (g, rng()), "repr(%s)" % g,
            "(%s.start, %s.stop, %s.step)" % (g, g, g), "bool(%s)" % g, "%s[10]" % g, "list(%s[::2])" % g,
            "hash(%s) if 0 else 1" % g,
        ])
    if r < 0.8:
        return "%s(%s)" % (R.choice(["min", "max", "sum", "any", "all", "len", "sorted"]), s)
    if r < 0.9:
        # (Sets print sorted: MicroPython hashes some objects, tuples of them included, by
        # address, so a set's order is not reproducible.)
        return "%s(%s)" % (R.choice(["dict", "sorted_set", "''.join", "bytes", "sorted_frozenset"]), s)
    return "[v for v in %s if v]" % s


PRE = """def gen(n):
    for i in range(n):
        yield i * i


def counter():
    state = [0]

    def f():
        state[0] += 1
        return state[0]

    return f


def sorted_set(i):
    return sorted(set(i), key=repr)


def sorted_frozenset(i):
    return sorted(frozenset(i), key=repr)


def twice(make, consume):
    it = make()
    return consume(it), consume(it)

""" + CASE_PRINTER

print(PRE)
for _ in range(N):
    print("t(lambda: %s)" % case())
