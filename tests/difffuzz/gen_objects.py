"""Random object-model programs for differential runtime testing: data and non-data
descriptors (`__get__`/`__set__`/`__delete__`, `__set_name__`), properties overridden in
subclasses, class attributes shadowed by instance attributes, `__new__` with and without
`__init__`, class and static methods reached through instances and `super()`, operators
returning `NotImplemented` (reflected and in-place fallbacks), conversions (`__int__`,
`__float__`, `__index__`, `__bool__`, `__len__`) and `__contains__` falling back to
iteration. usage: gen_objects.py SEED [CASES]"""
import random
import sys

R = random.Random(int(sys.argv[1]))
N = int(sys.argv[2]) if len(sys.argv) > 2 else 120

PRE = '''# (Desc.__set__ stores with setattr: MicroPython's instance __dict__ is a read-only copy,
# runtime-min's the live dict; see the README.)
class Desc:
    def __init__(self, tag):
        self.tag = tag

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, obj, owner=None):
        return ("get", self.tag, obj is None)

    def __set__(self, obj, value):
        object.__setattr__(obj, "_" + self.tag, value)

    def __delete__(self, obj):
        print("delete", self.tag)


class NonData:
    def __get__(self, obj, owner=None):
        return "nondata"


class Base:
    d = Desc("d")
    n = NonData()
    shared = [0]
    count = 0

    def __init__(self, v=1):
        self.v = v

    @property
    def p(self):
        return ("base p", self.v)

    @p.setter
    def p(self, x):
        self.v = x

    @classmethod
    def make(cls, v):
        return cls(v)

    @staticmethod
    def st(x):
        return x * 2

    def __eq__(self, o):
        return isinstance(o, Base) and self.v == o.v

    __hash__ = None


class Child(Base):
    @property
    def p(self):
        return ("child p", self.v)

    @classmethod
    def make(cls, v):
        r = super().make(v + 1)
        return r

    def __add__(self, o):
        if isinstance(o, int):
            return Child(self.v + o)
        return NotImplemented

    def __radd__(self, o):
        return ("radd", o)

    def __lt__(self, o):
        return NotImplemented

    def __gt__(self, o):
        return ("gt", o)


class Num:
    def __init__(self, v):
        self.v = v

    def __int__(self):
        return self.v

    def __float__(self):
        return self.v + 0.5

    def __index__(self):
        return self.v

    def __bool__(self):
        return self.v > 0

    def __len__(self):
        return abs(self.v)

    def __iter__(self):
        return iter(range(self.v))


class New:
    def __new__(cls, *args):
        if args and args[0] == "int":
            return 42
        o = super().__new__(cls)
        o.args = args
        return o

    def __init__(self, *args):
        self.inited = True


class OnlyNew:
    def __new__(cls, x):
        o = object.__new__(cls)
        o.x = x
        return o


def t(f):
    try:
        r = f()
        s = repr(r) if isinstance(r, float) else str(r)
        # (Addresses differ between VMs.)
        if " at " in s or "bound_method" in s:
            s = "<%s>" % type(r).__name__
        print(s)
    except Exception as e:
        print(type(e).__name__, e)
'''

CASES = [
    "Base().d", "Base.d", "Child().d", "(lambda o: (setattr(o, 'd', 5), o._d))(Base())", "(lambda o: (delattr(o, 'd'), 1))(Base())",
    "Base().n", "(lambda o: (setattr(o, 'n', 5), o.n))(Base())", "Base.n", "Desc('x').tag",
    "Base.d[1] if 0 else Base.__dict__['d'].name", "Base().p", "Child().p", "(lambda o: (setattr(o, 'p', 7), o.v, o.p))(Child())",
    "(lambda o: (setattr(o, 'shared', [1]), o.shared, Base.shared))(Base())",
    "(lambda o: (o.shared.append(2), Base.shared))(Base())", "(lambda o: (setattr(o, 'count', o.count + 1), o.count, Base.count))(Base())",
    "Base.make(3).v", "Child.make(3).v", "type(Child.make(3)).__name__", "Base().make(4).v", "Child().st(5)", "Base.st(6)",
    "Child(2) + 3", "(Child(2) + 3).v", "3 + Child(2)", "Child(2) + 'x'", "'x' + Child(2)", "Child(1) < 5", "5 > Child(1)",
    "Child(1) < Child(2)", "(lambda c: (c.__iadd__(1) if hasattr(c, '__iadd__') else 0))(Child(1))",
    "(lambda c: (lambda d: d.v)(c.__add__(4)))(Child(1))", "(lambda c: [c := c + 1, c.v][1])(Child(1))",
    "Base(1) == Base(1)", "Base(1) != Base(2)", "Base(1) == 1", "hash(Base())", "{Base(): 1}",
    "int(Num(7))", "float(Num(7))", "bool(Num(0))", "bool(Num(3))", "len(Num(-4))", "list(Num(3))", "2 in Num(3)",
    "5 in Num(3)", "[10, 20, 30][Num(1)]", "range(Num(3))", "hex(Num(255))", "'%d' % Num(3)", "'%x' % Num(31)",
    "sum(Num(4))", "sorted(Num(3), reverse=True)", "max(Num(5))", "bytes(Num(2))", "Num(2) * 3",
    "New().args", "New(1, 2).args", "New(1).inited", "New('int')", "type(New()).__name__", "OnlyNew(5).x", "OnlyNew()",
    "isinstance(Child(), Base)", "issubclass(Child, (int, Base))", "Child.__bases__", "Child.__name__", "type(Child())",
    "Child().__class__.__name__", "super(Child, Child()).p", "Base.p", "Child.p.fget(Child(9))", "getattr(Base(), 'zz', 'dflt')",
    "(lambda o: (setattr(o, 'x', 1), sorted(vars(o))))(Base(5))", "callable(Base), callable(Base()), callable(Base.st)",
]

print(PRE)
for _ in range(N):
    print("t(lambda: %s)" % R.choice(CASES))
