"""Random arithmetic for differential runtime testing: ints of random sizes (small, around the
31-bit small-int limit, 64-bit, a few hundred bits, negative), floats, and every operator,
divmod, pow with a modulus, int<->str in several bases, int.to_bytes/from_bytes and float
conversions. usage: gen_numbers.py SEED [CASES]"""
import random
import sys

R = random.Random(int(sys.argv[1]))
N = int(sys.argv[2]) if len(sys.argv) > 2 else 250


def rint():
    r = R.random()
    if r < 0.25:
        v = R.randint(-100, 100)
    elif r < 0.45:
        v = R.choice([1, -1]) * (2 ** R.choice([29, 30, 31, 32, 62, 63, 64]) + R.randint(-3, 3))
    elif r < 0.75:
        v = R.getrandbits(R.randint(1, 130)) * R.choice([1, -1])
    else:
        v = R.getrandbits(R.randint(100, 400)) * R.choice([1, -1])
    return "(%d)" % v


def rfloat():
    return R.choice(["(%r)" % (R.uniform(-1e6, 1e6)), "(%r)" % (R.random() * 10 ** R.randint(-20, 20)), "0.0", "-0.0",
                     "float('inf')", "float('nan')", "(1e308)", "(5e-324)"])


def num():
    return rint() if R.random() < 0.75 else rfloat()


def case():
    r = R.random()
    if r < 0.45:
        op = R.choice(["+", "-", "*", "//", "%", "/", "&", "|", "^", "<", "<=", "==", "!=", ">", ">="])
        return "%s %s %s" % (num(), op, num())
    if r < 0.55:
        return "%s %s %s" % (rint(), R.choice(["<<", ">>"]), R.choice(["0", "1", "5", "31", "32", "33", "63", "64", "65", "100", "200"]))
    if r < 0.62:
        return "%s ** %s" % (num(), R.choice(["0", "1", "2", "3", "7", "-1", "-2", "0.5", "33"]))
    if r < 0.68:
        return "pow(%s, %s, %s)" % (rint(), R.choice(["0", "1", "5", "65537", "(2**100 + 3)", "-1"]), rint())
    if r < 0.74:
        return "divmod(%s, %s)" % (num(), num())
    if r < 0.80:
        return "%s(%s)" % (R.choice(["-", "~", "abs", "+", "bool", "hash"]) if R.random() < 0.8 else "int", rint()).replace("-(", "-(", 1)
    if r < 0.86:
        base = R.choice([2, 8, 10, 16, 36, 0])
        v = R.getrandbits(R.randint(1, 200))
        digits = {2: bin(v)[2:], 8: oct(v)[2:], 10: str(v), 16: hex(v)[2:], 36: str(v), 0: hex(v)}[base]
        return "int(%r, %d)" % (R.choice(["", "-", " ", "+"]) + digits, base)
    if r < 0.90:
        return "%s(%s)" % (R.choice(["hex", "oct", "bin", "str", "repr", "float"]), rint())
    if r < 0.94:
        n = R.randint(1, 60)
        return "(%s).to_bytes(%d, %r)" % (rint(), n, R.choice(["little", "big"]))
    if r < 0.97:
        return "int.from_bytes(%r, %r)" % (bytes(R.getrandbits(8) for _ in range(R.randint(0, 40))), R.choice(["little", "big"]))
    return "int(%s)" % rfloat()


lines = []
for k in range(N):
    lines.append("try:\n    print(%d, repr(%s))\nexcept Exception as e:\n    print(%d, 'E', type(e).__name__, e)" % (k, case(), k))
print("\n".join(lines))
