"""Random expression programs for differential runtime testing: each case prints the repr of
one expression over fixed values (or its exception). usage: gen_exprs.py SEED [CASES]"""
import random, sys
R = random.Random(int(sys.argv[1])); N = int(sys.argv[2]) if len(sys.argv) > 2 else 150
PRE = """i0 = 0
i1 = 7
i2 = -3
i3 = 2**40
i4 = 2**70
i5 = -(2**65) + 12345
i6 = 0x3fffffff
f0 = 1.5
f1 = -0.0
f2 = 1e100
f3 = 0.1
f4 = float('inf')
f5 = float('nan')
s0 = 'abc'
s1 = ''
s2 = 'Hello World'
s3 = '  a,b,,c  '
s4 = 'x\\u00e9\\u4e2dy'
s5 = '12'
s6 = '{}-{!r}'
s7 = '%s:%d'
b0 = b'xyz'
b1 = b''
b2 = b'a\\x00\\xff'
ba = bytearray(b'ab')
l0 = [1, 2, 3]
l1 = []
l2 = [3, 'a', None]
l3 = [[1], [2, 3]]
t0 = (1, 'a')
t1 = ()
t2 = (5,)
d0 = {'a': 1, 2: 3}
d1 = {}
st = {1, 2}
fs = frozenset([3])
n = None
T = True
F = False
r0 = range(5)
r1 = range(10, 0, -3)
def g():
    yield 1
    yield 2
class C:
    def __init__(self, v): self.v = v
    def __repr__(self): return 'C(%r)' % (self.v,)
    def __eq__(self, o): return isinstance(o, C) and self.v == o.v
    def __lt__(self, o): return self.v < o.v
    def __hash__(self): return hash(self.v)
    def __len__(self): return 3
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * 10
c0 = C(1)
c1 = C('q')
class N:
    def __init__(self, v): self.v = v
    def __add__(self, o): return N(self.v + (o.v if isinstance(o, N) else o))
    def __radd__(self, o): return N(o + self.v)
    def __mul__(self, o): return N(self.v * o)
    def __repr__(self): return 'N(%r)' % (self.v,)
    def __bool__(self): return bool(self.v)
    def __lt__(self, o): return self.v < (o.v if isinstance(o, N) else o)
    def __le__(self, o): return self.v <= (o.v if isinstance(o, N) else o)
    def __iter__(self): return iter(range(self.v if isinstance(self.v, int) else 2))
    def __contains__(self, x): return x == self.v
    def __getitem__(self, i): return ('item', i)
    def __call__(self, *a, **k): return ('call', a, sorted(k.items()))
    def __neg__(self): return N(-self.v)
    def __len__(self): return 2
class E(Exception): pass
class E2(E):
    def __str__(self): return 'E2!'
class S(str): pass
class L(list):
    def extra(self): return len(self)
class D(dict):
    def __missing__(self, k): return ('missing', k)
def gen(n):
    for i in range(n):
        x = yield i
        if x:
            yield ('got', x)
    return 'done'
def raiser(e, c=None):
    try:
        raise c
    except BaseException:
        raise e
"""
VALS = ['i0','i1','i2','i3','i4','i5','i6','f0','f1','f2','f3','f4','f5','s0','s1','s2','s3','s4','s5','s6','s7','b0','b1','b2','ba','l0','l1','l2','l3','t0','t1','t2','d0','d1','st','fs','n','T','F','r0','r1','c0','c1',
        '0','1','-1','2','3','-2','10','100','1.0','0.5','-2.5','2.0','"a"','","','" "','b"a"','[]','()','{}','None','True','(1,2)','[0]','255','256','-129','64','0x7fffffff','-0x80000000']
INTISH = ['i0','i1','i2','i3','i4','i5','i6','0','1','-1','2','3','-2','10','100','255','256','64','T','F','0x7fffffff']
BIN = ['+','-','*','/','//','%','**','<<','>>','&','|','^','==','!=','<','<=','>','>=','in','not in','is','and','or']
STRM = [('split', '', ['s', 's,i']), ('rsplit', '', ['s,i']), ('join', 'L', []), ('find', 's', ['s,i', 's,i,i']), ('rfind', 's', []), ('index', 's', []), ('count', 's', ['s,i']),
        ('replace', 's,s', ['s,s,i']), ('strip', '', ['s']), ('lstrip', '', ['s']), ('rstrip', '', ['s']), ('startswith', 's', ['s,i', 'T']), ('endswith', 's', ['T']),
        ('upper', '', []), ('lower', '', []), ('isdigit', '', []), ('isalpha', '', []), ('isspace', '', []), ('isupper', '', []), ('islower', '', []),
        ('center', 'i', ['i,s']), ('ljust', 'i', ['i,s']), ('rjust', 'i', ['i,s']), ('zfill', 'i', []), ('partition', 's', []), ('rpartition', 's', []),
        ('splitlines', '', ['T']), ('format', '', ['a', 'a,a', 'k']), ('encode', '', ['s']), ('decode', '', ['s']), ('capitalize', '', []), ('title', '', []),
        ('swapcase', '', []), ('expandtabs', '', []), ('casefold', '', [])]
LISTM = [('append', 'a'), ('extend', 'a'), ('insert', 'i,a'), ('pop', ''), ('pop', 'i'), ('remove', 'a'), ('index', 'a'), ('count', 'a'), ('sort', ''), ('sort', 'k'), ('reverse', ''), ('clear', ''), ('copy', '')]
DICTM = [('get', 'a'), ('get', 'a,a'), ('pop', 'a'), ('pop', 'a,a'), ('setdefault', 'a,a'), ('update', 'a'), ('keys', ''), ('values', ''), ('items', ''), ('popitem', ''), ('copy', ''), ('clear', '')]
SETM = [('add', 'a'), ('remove', 'a'), ('discard', 'a'), ('union', 'a'), ('intersection', 'a'), ('difference', 'a'), ('symmetric_difference', 'a'), ('issubset', 'a'), ('issuperset', 'a'), ('isdisjoint', 'a'), ('pop', ''), ('update', 'a'), ('copy', '')]
BUILT = ['len','abs','bool','int','float','str','repr','list','tuple','set','sorted','sum','min','max','any','all','chr','ord','hex','bin','oct','round','divmod','pow','isinstance','type','iter','callable','bytes','bytearray','dict','enumerate','zip','reversed','range','slice','frozenset','id' if False else 'abs', 'format', 'getattr', 'hasattr', 'next', 'map', 'filter']
def v(): return R.choice(VALS)
def iv(): return R.choice(INTISH)
def sv(): return R.choice(['s0','s1','s2','s3','s4','s5','"a"','","','" "','"b"','"l"','"o W"','"\\n"'])
def arg(k):
    if k == 's': return sv() if R.random() < 0.8 else v()
    if k == 'i': return iv() if R.random() < 0.8 else v()
    if k == 'L': return R.choice(['l0', '[s0, s2]', '["x", "y"]', 't0', '(s5,)', '[]', 'l2', '"abc"', 'b0'])
    if k == 'T': return R.choice(['("a", "H")', '("x",)', 'True', '()'])
    if k == 'k': return R.choice(['key=len', 'reverse=True', 'key=lambda x: -x', 'key=str, reverse=True', 'x=1', '**{}'])
    return v()
def args(spec): return ', '.join(arg(k) for k in spec.split(',')) if spec else ''
def expr(d=0):
    r = R.random()
    if d > 1: return v()
    if r < 0.22:
        op = R.choice(BIN)
        if op in ('**', '<<'): return '%s %s %s' % (sub(d), op, R.choice(['0', '1', '2', '3', '-1', '31', '64', '0.5', '-2', 'f0', 'i2', 'i1', 'T']))
        return '%s %s %s' % (sub(d), op, sub(d))
    if r < 0.27: return '(%s%s)' % (R.choice(['-', '+', '~', 'not ']), sub(d))
    if r < 0.45:
        name, spec, alts = R.choice(STRM)
        obj = R.choice(['s0','s2','s3','s4','s5','s6','s7','b0','b2','ba','s1','"a b c"','b"a,b"', v()])
        return '(%s).%s(%s)' % (obj, name, args(R.choice([spec] + alts)))
    if r < 0.55:
        name, spec = R.choice(LISTM)
        obj = R.choice(['l0','l1','l2','l3', '[5, 1, 4]', '["b", "a"]', v()])
        return '(lambda L: (L.%s(%s), L))(%s[:] if hasattr(%s, "copy") or True else 0)' % (name, args(spec), obj, obj) if R.random() < 0.7 else '(%s).%s(%s)' % (obj, name, args(spec))
    if r < 0.62:
        name, spec = R.choice(DICTM)
        obj = R.choice(['d0','d1', '{1: 2, "x": [3]}', v()])
        return '(lambda D: (D.%s(%s), sorted(D.items(), key=repr)))(dict(%s))' % (name, args(spec), obj) if R.random() < 0.7 else '(%s).%s(%s)' % (obj, name, args(spec))
    if r < 0.67:
        name, spec = R.choice(SETM)
        obj = R.choice(['st','fs','set()','{1, "a"}', v()])
        return '(lambda S: (S.%s(%s), sorted(S, key=repr)))(set(%s))' % (name, args(spec), obj) if R.random() < 0.6 else 'sorted((%s).%s(%s), key=repr)' % (obj, name, args(spec))
    if r < 0.82:
        b = R.choice(BUILT)
        na = R.choice([1, 1, 1, 2, 2, 3, 0])
        a = ', '.join(sub(d) for _ in range(na))
        res = '%s(%s)' % (b, a)
        if b in ('enumerate', 'zip', 'reversed', 'map', 'filter', 'iter'): res = 'list(%s)' % res
        if b == 'type': res = res + '.__name__'
        return res
    if r < 0.88: return '%s[%s]' % (sub(d), R.choice([iv(), v(), '%s:%s' % (iv(), iv()), '::%s' % iv(), ':', '%s::%s' % (iv(), iv())]))
    if r < 0.93: return '%s %% %s' % (R.choice(['s7', '"%r %s"', '"%5.2f"', '"%x|%o|%X"', '"%-4d|"', '"%c"', '"%(a)s"', 'b"%s"', '"%%"', '"%05.1e"', '"%+d"', '"%.3s"']), R.choice([v(), '(%s, %s)' % (v(), v()), '(%s,)' % v(), 'd0']))
    if r < 0.97: return 'f"{%s%s%s}"' % ((lambda e: e if '"' not in e and "'" not in e else v().replace('"', "'"))(sub(d)), R.choice(['', '!r', '!s']), R.choice(['', ':>5', ':^7', ':<3', ':x', ':08.3f', ':,', ':_', ':+', ':e', ':g', ':%', ':#x', ':b', ':o', ':c', ':s', ':d', ':.2', ':=+6', ':*^9']))
    if r < 0.975 and R.random() < 0.5: return R.choice([
        'N(%s) + %s' % (v(), v()), '%s + N(%s)' % (v(), v()), 'N(%s) * %s' % (v(), v()), 'list(N(%s))' % iv(), '%s in N(%s)' % (v(), v()),
        'N(%s)[%s]' % (v(), R.choice([v(), '1:2', '::-1', '1:2, 3'])), 'N(1)(%s, k=%s)' % (v(), v()), 'sorted([N(3), N(1), N(%s)])' % iv(),
        'bool(N(%s))' % v(), 'E(%s, %s).args' % (v(), v()), 'repr(E(%s))' % v(), 'str(E(%s, %s))' % (v(), v()), 'str(E2(%s))' % v(),
        'str(%s(%s))' % (R.choice(['KeyError', 'ValueError', 'IndexError', 'StopIteration', 'OSError', 'Exception']), R.choice(['', v(), '%s, %s' % (v(), v())])),
        'repr(%s(%s))' % (R.choice(['KeyError', 'ValueError', 'StopIteration', 'E', 'E2']), R.choice(['', v(), '%s, %s' % (v(), v())])),
        'S(%s) + %s' % (sv(), sv()), 'type(S(%s) + "b").__name__' % sv(), 'L(%s) + %s' % (R.choice(['l0', 'l1', 's0']), R.choice(['l0', '[]', 't0'])),
        'L(%s).extra()' % R.choice(['l0', 's2']), 'type(L(l0)[:]).__name__', 'D(%s)[%s]' % (R.choice(['d0', '{}']), v()), 'D(d0).get(%s)' % v(),
        'list(gen(%s))' % iv(), '(lambda g: (next(g), g.send(%s), list(g)))(gen(3))' % v(), '(lambda g: (next(g), g.throw(%s)))(gen(3))' % R.choice(['ValueError', 'E(1)', 'StopIteration', 'ValueError("x")']),
        '(lambda g: (next(g), g.close(), list(g)))(gen(%s))' % iv(), 'raiser(%s, %s)' % (R.choice(['E(1)', 'ValueError("v")', 'KeyError(%s)' % v()]), R.choice(['TypeError', 'None', 'E2'])),
        '[x for x in N(%s) if x %s %s]' % (iv(), R.choice(['<', '>', '==']), iv()), 'max(N(1), N(%s))' % iv(), 'min([N(2), N(%s)], key=lambda n: n.v)' % iv(),
        'getattr(N(%s), "v")' % v(), 'hasattr(N(1), %s)' % sv(), 'N(%s).__class__.__name__' % v(), 'isinstance(E2(), (E, %s))' % R.choice(['int', 'KeyError', 'str']),
        'issubclass(E2, %s)' % R.choice(['E', 'Exception', 'BaseException', 'ValueError', '(int, E)', 'object']),
        '-N(%s)' % v(), 'N(%s) < %s' % (v(), v()), '%s > N(%s)' % (v(), v()), 'N(%s) <= N(%s)' % (v(), v()), 'N(1) >= N(2)', 'N(1) == N(1)', 'len(N(1))', 'N(%s) and %s' % (v(), v()),
        ])
    if r < 0.975: return R.choice(['(%s).to_bytes(%s, %s)' % (iv(), R.choice(['1','2','4','8','0','-1']), R.choice(['"little"', '"big"', 's0'])),
        'int.from_bytes(%s, %s)' % (R.choice(['b0','b2','b1','ba','s0','l0']), R.choice(['"little"', '"big"'])),
        '(%s).hex()' % R.choice(['b0','b2','ba','b1']), 'bytes.fromhex(%s)' % R.choice(['"0a0B"', '"0 a"', '"zz"', '""', 's0', '"abc"']),
        'sorted(%s, key=%s, reverse=%s)' % (R.choice(['l0','l2','s2','t0','d0','st','"bca"','[3,1,2]','[1.5, -2, 3]']), R.choice(['None', 'len', 'str', 'lambda x: -x', 'repr']), R.choice(['True', 'False', '1', 'None'])),
        '%s(%s, key=%s)' % (R.choice(['min','max']), R.choice(['l0','s2','t0','d0','st','"bca"','[3,1,2]','[]', '1, 2', '"a", "bb"']), R.choice(['None', 'len', 'str', 'lambda x: -x'])),
        'max(%s, default=%s)' % (R.choice(['[]','l0','()']), v()),
        'print(%s, %s, sep=%s, end=%s)' % (v(), v(), R.choice(['"|"', 'None', '""', '1']), R.choice(['"!"', 'None', '""', '"\\n"'])),
        'getattr(%s, %s, %s)' % (v(), R.choice(['"real"', '"x"', '"append"', '"__class__"', '1']), v()),
        'isinstance(%s, %s)' % (v(), R.choice(['int', 'str', '(int, float)', '(list, (tuple, dict))', 'object', 'bool', 'C', '1'])),
        'issubclass(%s, %s)' % (R.choice(['int', 'bool', 'C', 'object', 'type', '1']), R.choice(['int', 'str', '(int, float)', 'object', 'C', '1'])),
        '[%s for x in %s if x]' % (R.choice(['x', 'x * 2', 'str(x)', '-x', 'x[0]']), v()),
        '{x: %s for x in %s}' % (R.choice(['x', '1', 'str(x)']), v()),
        '(lambda *a, **k: (a, sorted(k.items())))(*%s, **%s)' % (v(), R.choice(['d0', '{"x": 1}', '{}', 'd1', 'l0', '{1: 2}'])),
        '(lambda a, b=2, *c, d, e=5: (a, b, c, d, e))(%s)' % R.choice(['1, d=4', '1, 2, 3, d=4', 'd=1', '1', '1, 2, d=3, e=4, f=5', '1, d=2, d=3', 'a=1, d=2']),
        ])
    return '%s(%s)' % (R.choice(['int', 'float', 'int']), R.choice([sv(), '"0x1f", 16', '"  -42  "', '"1e3"', '"z", 36', '"101", 2', '"1_000"', '"inf"', '"-nan"', '" 3.5 "', 'b"12"', '"0b11", 0', '"12", 1', v()]))
def sub(d): return expr(d + 1) if R.random() < 0.3 else v()
lines = [PRE]
for k in range(N):
    e = expr()
    lines.append('try:\n    print(%d, repr(%s))\nexcept Exception as e:\n    print(%d, "E", type(e).__name__, e)' % (k, e, k))
print('\n'.join(lines))
