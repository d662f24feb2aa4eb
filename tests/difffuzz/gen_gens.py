"""Random generators for differential runtime testing: yields in loops, try/except/finally and
with blocks, yield from sub-generators, return values, and drivers that iterate, send, throw
and close at random points. usage: gen_gens.py SEED"""
import random
import sys

R = random.Random(int(sys.argv[1]))
PRE = """class CM:
    def __init__(self, n): self.n = n
    def __enter__(self): print('enter', self.n); return self.n
    def __exit__(self, t, v, tb):
        print('exit', self.n, t.__name__ if t else None)
        return False
class E(Exception): pass
def drive(g, plan):
    out = []
    try:
        for step in plan:
            if step == 'n':
                out.append(next(g))
            elif step == 's':
                out.append(g.send(len(out)))
            elif step == 't':
                out.append(g.throw(E('t%d' % len(out))))
            elif step == 'v':
                out.append(g.throw(ValueError))
            elif step == 'c':
                out.append(('closed', g.close()))
            elif step == 'l':
                out.append(list(g))
    except StopIteration as e:
        out.append(('stop', e.args))
    except Exception as e:
        out.append((type(e).__name__, str(e)))
    print(out)
"""


def stmts(d, ind):
    p = "    " * ind
    out = []
    for _ in range(R.randint(1, 3)):
        r = R.random()
        if d > 2 or r < 0.35:
            out.append(p + R.choice(["x = yield %d" % R.randint(0, 9), "yield x", "yield (x, %d)" % d, "x = (yield None) or x",
                                     "print('got', x)", "x = %d" % R.randint(0, 5), "yield from sub(%d)" % R.randint(0, 3),
                                     "x = yield from sub(x if isinstance(x, int) else 1)", "return x" if R.random() < 0.2 else "yield -1",
                                     "raise E('in')" if R.random() < 0.2 else "yield 'r'"]))
        elif r < 0.55:
            out.append(p + "for i in range(%d):\n%s" % (R.randint(0, 3), stmts(d + 1, ind + 1)))
        elif r < 0.8:
            s = p + "try:\n" + stmts(d + 1, ind + 1)
            has_except = R.random() < 0.6
            if has_except:
                s += "\n%sexcept %s as e:\n%s    print('caught', type(e).__name__)\n%s" % (p, R.choice(["E", "ValueError", "Exception", "GeneratorExit"]), p, stmts(d + 1, ind + 1))
            if R.random() < 0.5 or not has_except:
                s += "\n%sfinally:\n%s    print('finally', %d)\n%s" % (p, p, R.randint(0, 9), stmts(d + 1, ind + 1) if R.random() < 0.4 else p + "    pass")
            out.append(s)
        else:
            out.append(p + "with CM(%d):\n%s" % (R.randint(0, 9), stmts(d + 1, ind + 1)))
    return "\n".join(out)


out = [PRE, "def sub(n):\n    for k in range(n):\n        got = yield ('sub', k)\n        if got:\n            print('sub got', got)\n    return ('subret', n)"]
for k in range(R.randint(3, 6)):
    body = stmts(0, 1)
    if "yield" not in body:
        body += "\n    yield 0"
    out.append("def g%d():\n    x = 0\n%s" % (k, body))
    for _ in range(R.randint(2, 5)):
        plan = "".join(R.choice("nnnsstvcl") for _ in range(R.randint(1, 6)))
        out.append("drive(g%d(), %r)" % (k, plan))
    out.append("print([v for v in g%d() if v is not None][:5])" % k)
print("\n".join(out))
