"""Random Python programs (mostly syntactically valid, often semantically odd) for differential
compiler testing: statements, expressions, f-strings, comprehensions, decorators, async; NATIVE=1 /
VIPER=1 add @micropython.native / .viper functions. usage: gen_compile.py SEED"""
import random, sys
import os
R = random.Random(int(sys.argv[1]))
NATIVE = os.environ.get('NATIVE'); VIPER = os.environ.get('VIPER')
INTS = ['0','1','-1','2','7','30','31','32','63','64','0x3fffffff','0x40000000','-0x40000000','-0x40000001','0x7fffffff','0x80000000',
        '0xffffffff','2**62','0x7fffffffffffffff','0x8000000000000000','123456789012345678901234567890','0o777','0b1011','1_000']
FLOATS = ['0.0','1.5','-2.5','1e300','1e-300','3.14159','1e16','0.1','2.0','1e22','5e-324','1.7976931348623157e308','0j','2j','1.5e3j']
STRS = ["'a'", "'abc'", "''", "'\\n\\t\\x00'", "'\\u1234'", "'é'", "b'xy'", "b''", "b'\\xff'", "'''tri\nple'''", "r'\\d'", "'a' 'b'", "'x'*3"]
NAMES = ['a','b','c','x','y','self','i']
BIN = ['+','-','*','/','//','%','**','<<','>>','&','|','^','@']
CMP = ['<','>','==','!=','<=','>=','is','is not','in','not in']
def atom(d):
    r = R.random()
    if r < 0.3: return R.choice(INTS)
    if r < 0.4: return R.choice(FLOATS)
    if r < 0.5: return R.choice(STRS)
    if r < 0.7: return R.choice(NAMES)
    if r < 0.75: return R.choice(['None','True','False','...','__debug__'])
    return '(' + expr(d+1) + ')'
def expr(d=0):
    if d > 4: return atom(d)
    r = R.random()
    if r < 0.25:
        op = R.choice(BIN)
        if op in ('**', '<<'): return '%s %s %s' % (atom(d+1), op, R.choice(['2', '3', '-1', '0', '31', '63', '64', '0.5', 'x', '-2']))
        return '%s %s %s' % (atom(d+1), op, atom(d+1))
    if r < 0.32: return '%s%s' % (R.choice(['-','+','~','not ']), atom(d+1))
    if r < 0.40: return ' '.join([atom(d+1)] + sum([[R.choice(CMP), atom(d+1)] for _ in range(R.randint(1,3))], []))
    if r < 0.45: return '%s %s %s' % (atom(d+1), R.choice(['and','or']), atom(d+1))
    if r < 0.48: return '%s if %s else %s' % (atom(d+1), atom(d+1), atom(d+1))
    if r < 0.52:
        n = R.randint(0,3); items = ', '.join(expr(d+1) for _ in range(n))
        if R.random() < 0.5: return '[' + items + ']'
        return '(' + items + (',)' if n and R.random()<0.5 else ')')
    if r < 0.55: return '{' + ', '.join('%s: %s' % (atom(d+1), expr(d+1)) for _ in range(R.randint(0,3))) + '}'
    if r < 0.57: return '{' + ', '.join(expr(d+1) for _ in range(R.randint(1,3))) + '}'
    if r < 0.61: return '%s[%s]' % (atom(d+1), R.choice([expr(d+1), '%s:%s' % (atom(d+1), atom(d+1)), ':', '::%s' % atom(d+1), '%s:' % atom(d+1), '1:2:3']))
    if r < 0.65: return '(%s).%s' % (atom(d+1), R.choice(['foo','append','real','__class__']))
    if r < 0.71:
        args = [expr(d+1) for _ in range(R.randint(0,3))]
        if R.random() < 0.2: args.append('*' + atom(d+1))
        if R.random() < 0.2: args.append('k=' + atom(d+1))
        if R.random() < 0.1: args.append('**' + atom(d+1))
        return '%s(%s)' % (R.choice(NAMES + ['len','print','f','x.m','range']), ', '.join(args))
    if r < 0.74: return 'lambda %s: %s' % (R.choice(['','x','x, y=1','*a','**k','x, *, y']), expr(d+1))
    if r < 0.78:
        k = R.choice(['[%s for i in %s]', '(%s for i in %s)', '{%s for i in %s}', '{i: %s for i in %s}', '[%s for i in %s if i]', '[%s for i in %s for j in i]'])
        return k % (expr(d+1), atom(d+1))
    if r < 0.82:
        parts = []
        for _ in range(R.randint(1,3)):
            parts.append(R.choice(['x', '{%s}' % R.choice(NAMES), '{a!r}', '{b:>10}', '{c:{a}}', '{{', '}}', '{1+2}', '{a:.3f}']))
        return R.choice(['f','rf','fr'])+"'" + ''.join(parts) + "'"
    if r < 0.84: return '(%s := %s)' % (R.choice(['a','b']), atom(d+1))
    return atom(d)
def target():
    return R.choice(NAMES + ['a.b', 'a[0]', 'a[1:2]', '(a, b)', '[a, *b]', 'a, b', 'a, *b, c'])
def stmt(ind, d, inloop=False, infunc=False, infin=False):
    p = '    ' * ind
    r = R.random()
    if d > 3 or r < 0.3:
        k = R.random()
        if k < 0.3: return p + '%s = %s' % (target(), expr())
        if k < 0.4: return p + '%s %s= %s' % (R.choice(NAMES + ['a.b', 'a[i]']), R.choice(BIN), expr())
        if k < 0.5 and inloop: return p + R.choice(['break','continue'])
        if k < 0.55 and infunc: return p + R.choice(['return', 'return ' + expr(), 'yield ' + expr(), 'yield from ' + atom(0), 'x = yield ' + atom(0)])
        if k < 0.6: return p + R.choice(['pass', 'del a', 'del a[0], b.c', 'assert %s' % expr(), 'assert %s, %s' % (atom(0), atom(0)), 'raise', 'raise ' + atom(0), 'raise %s from %s' % (atom(0), atom(0)), 'import os', 'from a.b import c as d', 'from . import x', 'import a.b.c', 'x: int = 1', 'y: list'])
        return p + expr()
    body = lambda i, **kw: '\n'.join(stmt(ind+1, d+1, **{**dict(inloop=inloop, infunc=infunc), **kw}) for _ in range(R.randint(1, 3)))
    if r < 0.4: return p + 'if %s:\n%s' % (expr(), body(0)) + ('\n%selif %s:\n%s' % (p, expr(), body(0)) if R.random()<0.3 else '') + ('\n%selse:\n%s' % (p, body(0)) if R.random()<0.4 else '')
    if r < 0.48: return p + 'while %s:\n%s' % (R.choice([expr(), 'True', '1', '0', 'False']), body(0, inloop=True)) + ('\n%selse:\n%s' % (p, body(0)) if R.random()<0.3 else '')
    if r < 0.58:
        it = R.choice(['range(%s)' % atom(0), 'range(%s, %s)' % (atom(0), atom(0)), 'range(%s, %s, %s)' % (atom(0), atom(0), R.choice(['1','-1','2','-3','0','x'])), expr(), 'range(10)'])
        return p + 'for %s in %s:\n%s' % (R.choice(['i', 'i, j', 'a.b', 'a[0]', '(i, *j)']), it, body(0, inloop=True)) + ('\n%selse:\n%s' % (p, body(0)) if R.random()<0.3 else '')
    if r < 0.7:
        s = p + 'try:\n' + body(0)
        n = R.randint(0, 2)
        for _ in range(n): s += '\n%sexcept %s:\n%s' % (p, R.choice(['ValueError', '(A, B)', 'E as e', 'Exception as exc']), body(0))
        if R.random() < 0.3 or n == 0: s += '\n%sexcept:\n%s' % (p, body(0)) if R.random() < 0.5 and n > 0 else ''
        if n and R.random() < 0.3: s += '\n%selse:\n%s' % (p, body(0))
        if R.random() < 0.5 or n == 0: s += '\n%sfinally:\n%s' % (p, body(0, infin=True))
        return s
    if r < 0.76: return p + 'with %s:\n%s' % (R.choice(['a', 'a as b', 'a as b, c as d', 'f() as (x, y)', 'a, b']), body(0))
    if r < 0.86:
        dec = R.choice(['', '@dec\n' + p, '@a.b(1)\n' + p, ('@micropython.native\n' + p if NATIVE else ''), ('@micropython.viper\n' + p if VIPER else ''), '@micropython.viper\n' + p if False else ''])
        return p + dec + '%sdef %s(%s):\n%s' % (R.choice(['', '', 'async ']), R.choice(['f', 'g', 'h']), R.choice(['', 'x', 'x, y=2', 'x, *a, k=1, **kw', 'self, *, k', 'a=%s, b=[]' % atom(0), '*a', 'x, /, y' if False else 'x, y']), body(0, infunc=True, inloop=False))
    if r < 0.92: return p + 'class %s%s:\n%s' % (R.choice(['C', 'D']), R.choice(['', '(A)', '(A, B)', '(metaclass=M)', '()']), body(0, infunc=False, inloop=False))
    if r < 0.96 and infunc: return p + R.choice(['await %s' % atom(0), 'await ' + atom(0)]) 
    return p + expr()
out = []
for _ in range(R.randint(3, 12)):
    out.append(stmt(0, 0))
print('\n'.join(out))
