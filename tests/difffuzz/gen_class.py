"""Random class hierarchies for differential runtime testing: inheritance (single and
multiple), super(), properties, class and static methods, special methods, then operations on
the instances. usage: gen_class.py SEED"""
import random
import sys

R = random.Random(int(sys.argv[1]))
SPECIALS = {
    "__repr__": "    def __repr__(self):\n        return '%s(%%r)' %% (self.v,)\n",
    "__str__": "    def __str__(self):\n        return 'str-%s-' + str(self.v)\n",
    "__eq__": "    def __eq__(self, o):\n        return isinstance(o, %s) and self.v == o.v\n",
    "__lt__": "    def __lt__(self, o):\n        return self.v < (o.v if hasattr(o, 'v') else o)\n",
    "__hash__": "    def __hash__(self):\n        return hash(self.v) + %d\n",
    "__len__": "    def __len__(self):\n        return abs(self.v) %% 5\n",
    "__bool__": "    def __bool__(self):\n        return self.v > %d\n",
    "__getitem__": "    def __getitem__(self, i):\n        if i == 4:\n            raise IndexError(i)\n        return (self.v, i)\n",
    "__setitem__": "    def __setitem__(self, i, x):\n        self.v = x\n",
    "__contains__": "    def __contains__(self, x):\n        return x == self.v\n",
    "__iter__": "    def __iter__(self):\n        for i in range(abs(self.v) %% 4):\n            yield i * %d\n",
    "__call__": "    def __call__(self, *a, **k):\n        return (self.v, a, sorted(k))\n",
    "__add__": "    def __add__(self, o):\n        return type(self)(self.v + (o.v if hasattr(o, 'v') else o))\n",
    "__radd__": "    def __radd__(self, o):\n        return ('radd', o, self.v)\n",
    "__iadd__": "    def __iadd__(self, o):\n        self.v += %d\n        return self\n",
    "__neg__": "    def __neg__(self):\n        return -self.v\n",
    "__enter__": "    def __enter__(self):\n        print('enter', self.v)\n        return self.v\n    def __exit__(self, *a):\n        print('exit', a[0])\n        return %s\n",
    "__getattr__": "    def __getattr__(self, name):\n        if name.startswith('z'):\n            raise AttributeError(name)\n        return ('ga', name)\n",
}


def klass(name, bases, parent_methods):
    lines = ["class %s%s:" % (name, "(" + ", ".join(bases) + ")" if bases else "")]
    lines.append("    x = %d" % R.randint(0, 9))
    if R.random() < 0.7:
        sup = "        super().__init__(v)\n" if bases and R.random() < 0.7 else ""
        lines.append("    def __init__(self, v):\n%s        self.v = v\n        self.n = '%s'" % (sup, name))
    methods = set()
    if R.random() < 0.8:
        body = "super().m(a) + 1" if "m" in parent_methods and R.random() < 0.6 else "self.v * a" if R.random() < 0.5 else "(self.x, a)"
        lines.append("    def m(self, a=%d):\n        return %s" % (R.randint(0, 3), body))
        methods.add("m")
    if R.random() < 0.4:
        lines.append("    @property\n    def p(self):\n        return self.v + %d" % R.randint(0, 9))
        if R.random() < 0.5:
            lines.append("    @p.setter\n    def p(self, x):\n        self.v = x * 2")
    if R.random() < 0.4:
        lines.append("    @classmethod\n    def c(cls, k=1):\n        return (cls.__name__, cls.x * k)")
    if R.random() < 0.4:
        lines.append("    @staticmethod\n    def s(a):\n        return a * %d" % R.randint(1, 4))
    for sp in R.sample(sorted(SPECIALS), R.randint(0, 5)):
        t = SPECIALS[sp]
        if "%s" in t and sp == "__repr__":
            t = t % name
        elif sp == "__eq__":
            t = t % name
        elif sp == "__enter__":
            t = t % R.choice(["True", "False", "None"])
        elif "%d" in t:
            t = t % R.randint(0, 3)
        else:
            t = t.replace("%%", "%")
        lines.append(t.rstrip("\n"))
    return "\n".join(lines), methods


# Default reprs hold addresses, which differ between VMs: cut them off.
out = ["def t(f):\n    try:\n        s = repr(f())\n        i = s.find(' object at ')\n        print(s if i < 0 else s[:i] + ' object at ...>')\n    except Exception as e:\n        print(type(e).__name__, e)"]
names = []
methods = {}
for i, name in enumerate(["A", "B", "C", "D"][: R.randint(2, 4)]):
    bases = []
    if names and R.random() < 0.8:
        bases = R.sample(names, min(len(names), R.choice([1, 1, 2])))
    inherited = set().union(*(methods[b] for b in bases)) if bases else set()
    src, ms = klass(name, bases, inherited)
    if len(bases) == 2:
        src = "try:\n" + "\n".join("    " + l for l in src.splitlines()) + "\nexcept TypeError as e:\n    print('TypeError', e)\n    %s = %s" % (name, bases[0])
    out.append(src)
    methods[name] = ms | inherited
    names.append(name)
OPS = ["repr(o)", "str(o)", "o == o2", "o != o2", "o < o2", "sorted([o2, o])", "len(o)", "bool(o)", "o[1]", "o[4]", "list(o)",
       "3 in o", "1 in o", "o(1, k=2)", "o + 1", "1 + o", "-o", "o.m()", "o.m(2)", "o.p", "o.c()", "type(o).c(2)", "o.s(3)",
       "o.x", "o.v", "o.n", "o.zz", "o.anything", "hash(o) == hash(o)", "{o: 1}[o]", "isinstance(o, A)", "type(o).__name__",
       "hasattr(o, 'm')", "getattr(o, 'zz', 'dflt')", "o.__class__.__name__", "[k for k in sorted(o.__dict__)]",
       "issubclass(type(o), A)", "o.__dict__.get('v')"]
STMTS = ["o[2] = 9", "o.p = 4", "o += 2", "o.v = -o.v if hasattr(o, 'v') else 0", "del o.n", "setattr(o, 'w', 5)", "o.x = 42",
         "with o as w:\n        print('in', w)\n        raise ValueError('boom')"]
for k in range(12):
    cls = R.choice(names)
    v = R.choice(["0", "1", "-3", "5", "'s'", "2.5", "[1]"])
    out.append("try:\n    o = %s(%s)\n    o2 = %s(%s)\nexcept Exception as e:\n    print('init', type(e).__name__, e)\n    o = o2 = None" % (cls, v, R.choice(names), R.choice(["0", "1", "7"])))
    for _ in range(R.randint(2, 6)):
        if R.random() < 0.25:
            out.append("try:\n    %s\n    print('ok')\nexcept Exception as e:\n    print(type(e).__name__, e)" % R.choice(STMTS))
        else:
            out.append("t(lambda: %s)" % R.choice(OPS))
print("\n".join(out))
