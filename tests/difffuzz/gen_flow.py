"""Random control-flow programs (loops, try/except/finally, with, generators, closures) for
differential runtime testing. usage: gen_flow.py SEED"""
import random, sys
R = random.Random(int(sys.argv[1]))
PRE = '''import sys\nclass CM:
    def __init__(self, n, swallow=False): self.n = n; self.swallow = swallow
    def __enter__(self): print('enter', self.n); return self.n
    def __exit__(self, t, v, tb):
        print('exit', self.n, t.__name__ if t else None, v)
        return self.swallow
class E(Exception): pass
def show(f, *a):
    try:
        r = f(*a)
        if hasattr(r, '__next__'):
            r = list(r)
        print('->', repr(r))
    except Exception as e:
        print('!!', type(e).__name__, e)
        sys.print_exception(e)
'''
VARS = ['a', 'b', 'x', 'i']
def ex():
    return R.choice(['a', 'b', 'x', 'i', 'a + 1', 'b * 2', 'x - a', 'len(str(x))', '[a, b]', 'a % 3', '-b', 'i + x', '(a, x)', 'a // (b - 2)', 'x[0] if isinstance(x, list) else x', 'str(a) + "!"'])
def cond():
    return R.choice(['a > b', 'x', 'not x', 'i % 2', 'a == 3', 'b < 0', 'i > 2', 'True', 'False', 'x is None', 'a in (1, 2, 3)'])
def block(d, ind, ctx):
    return '\n'.join(stmt(d, ind, ctx) for _ in range(R.randint(1, 3)))
def stmt(d, ind, ctx):
    p = '    ' * ind
    r = R.random()
    if d > 3 or r < 0.35:
        k = R.random()
        if k < 0.3: return p + '%s = %s' % (R.choice(['x', 'a', 'b']), ex())
        if k < 0.45: return p + 'print(%s, %s)' % (R.choice(['"p"', '"q"', '"r%d"' % R.randint(0, 9)]), ex())
        if k < 0.55 and 'loop' in ctx: return p + R.choice(['break', 'continue'])
        if k < 0.65 and 'func' in ctx: return p + R.choice(['return %s' % ex(), 'return'] + (['yield %s' % ex()] if 'gen' in ctx else []))
        if k < 0.72: return p + 'raise %s' % R.choice(['E(%s)' % ex(), 'ValueError(%s)' % ex(), 'KeyError(a)', 'E'])
        if k < 0.78 and 'except' in ctx: return p + 'raise'
        if k < 0.85 and 'nl' in ctx: return p + 'nonlocal x\n' + p + 'x = %s' % ex()
        return p + 'x = %s' % ex()
    if r < 0.45: return p + 'if %s:\n%s\n%selse:\n%s' % (cond(), block(d + 1, ind + 1, ctx), p, block(d + 1, ind + 1, ctx))
    if r < 0.55: return p + 'for i in %s:\n%s' % (R.choice(['range(4)', '[3, 1, 2]', 'range(a)', '"ab"', '()']), block(d + 1, ind + 1, ctx | {'loop'})) + (('\n%selse:\n%s' % (p, block(d + 1, ind + 1, ctx))) if R.random() < 0.3 else '')
    if r < 0.62: return p + 'j%d = 0\n%swhile j%d < %d:\n%s    j%d += 1\n%s' % (d, p, d, R.randint(0, 4), p, d, block(d + 1, ind + 1, ctx | {'loop'}))
    if r < 0.80:
        s = p + 'try:\n' + block(d + 1, ind + 1, ctx)
        n = R.randint(0, 2)
        for _ in range(n):
            s += '\n%sexcept %s as e:\n%s    print("caught", type(e).__name__, e)\n%s' % (p, R.choice(['E', 'ValueError', '(KeyError, E)', 'Exception', 'ZeroDivisionError']), p, block(d + 1, ind + 1, ctx | {'except'}))
        if n and R.random() < 0.3: s += '\n%selse:\n%s' % (p, block(d + 1, ind + 1, ctx))
        if n == 0 or R.random() < 0.5: s += '\n%sfinally:\n%s    print("finally", %d)\n%s' % (p, p, R.randint(0, 99), block(d + 1, ind + 1, ctx))
        return s
    if r < 0.88: return p + 'with CM(%d, %s) as c%s:\n%s' % (R.randint(0, 9), R.choice(['True', 'False']), R.choice(['', ', CM(%d) as c2' % R.randint(10, 19)]), block(d + 1, ind + 1, ctx))
    if r < 0.95 and 'func' not in ctx:
        return p + 'def inner():\n%s\n%sprint("inner", show(inner))' % (block(d + 1, ind + 1, ctx | {'func', 'nl'}), p) if 'nlok' in ctx else p + 'x = [%s for i in range(3) if %s]' % (ex(), cond())
    return p + 'x = (lambda a=a: %s)()' % ex()
out = [PRE]
for k in range(R.randint(4, 8)):
    gen = R.random() < 0.3
    ctx = {'func', 'nlok'} | ({'gen'} if gen else set())
    body = block(0, 1, ctx)
    if gen and 'yield' not in body: body += '\n    yield a'
    out.append('def f%d(a, b):\n    x = None\n    i = 0\n%s' % (k, body))
    for args in R.sample(['1, 2', '3, 0', '0, -1', '2, 5', '"s", 1'], 3):
        out.append('show(f%d, %s)' % (k, args))
print('\n'.join(out))
