"""Random programs about names and scopes, for differential runtime testing: nested functions
that read, rebind (`nonlocal`, `global`) and delete variables, closures made in loops and
comprehensions, lambdas with defaults capturing loop variables, class bodies reading module
and enclosing names, names used before assignment (NameError / UnboundLocalError texts), and
`del` of locals, globals, attributes, items and slices. usage: gen_scopes.py SEED [COUNT]"""
import random
import sys

R = random.Random(int(sys.argv[1]))
N = int(sys.argv[2]) if len(sys.argv) > 2 else 40
NAMES = ["a", "b", "c", "x"]


class Gen:
    def __init__(self):
        self.lines = []
        self.n = 0

    def emit(self, depth, text):
        self.lines.append("    " * depth + text)

    def fresh(self):
        self.n += 1
        return "f%d" % self.n

    def expr(self):
        r = R.random()
        if r < 0.5:
            return R.choice(NAMES)
        if r < 0.7:
            return "%s + %d" % (R.choice(NAMES), R.randint(1, 9))
        if r < 0.85:
            return "[%s for %s in range(2)]" % (R.choice(NAMES + ["i"]), R.choice(["i", "a"]))
        return "(lambda %s=%s: %s)()" % (R.choice(NAMES), R.choice(NAMES), R.choice(NAMES))

    def stmt(self, depth, in_func, level):
        r = R.random()
        if r < 0.3:
            self.emit(depth, "%s = %s" % (R.choice(NAMES), self.expr()))
        elif r < 0.45:
            self.emit(depth, "print(%r, %s)" % ("p%d" % self.n, self.expr()))
            self.n += 1
        elif r < 0.52 and in_func:
            self.emit(depth, "%s %s" % (R.choice(["global", "nonlocal" if level > 1 else "global"]), R.choice(NAMES)))
        elif r < 0.58:
            self.emit(depth, "del %s" % R.choice(NAMES))
        elif r < 0.66 and level < 3:
            name = self.fresh()
            self.emit(depth, "def %s(%s):" % (name, R.choice(["", "a", "a, b=1", "*c"])))
            for _ in range(R.randint(1, 4)):
                self.stmt(depth + 1, True, level + 1)
            self.emit(depth + 1, "return %s" % self.expr())
            self.emit(depth, "print(%r, t(lambda: %s(%s)))" % (name, name, R.choice(["", "5", "5, 6"])))
        elif r < 0.72 and level < 3:
            name = "C%d" % self.n
            self.n += 1
            self.emit(depth, "class %s:" % name)
            # (A class body must not raise: MicroPython's __build_class__ then leaves the
            # class namespace as the module's, and later module-level names go astray.)
            for _ in range(R.randint(1, 3)):
                self.emit(depth + 1, "%s = t(lambda: %s)" % (R.choice(NAMES), self.expr()))
            self.emit(depth + 1, "def m(self):")
            self.emit(depth + 2, "return %s" % self.expr())
            self.emit(depth, "print(%r, t(lambda: %s().m()), t(lambda: %s.%s))" % (name, name, name, R.choice(NAMES)))
        elif r < 0.8:
            self.emit(depth, "fs = [lambda %s: %s for %s in range(3)]" % (
                R.choice(["", "i=i", "v=0"]), R.choice(["i", "i * 2", R.choice(NAMES)]), "i"))
            self.emit(depth, "print(t(lambda: [g() for g in fs]))")
        elif r < 0.86:
            self.emit(depth, "for %s in range(%d):" % (R.choice(NAMES), R.randint(0, 3)))
            self.stmt(depth + 1, in_func, level)
        elif r < 0.92:
            self.emit(depth, "try:")
            self.stmt(depth + 1, in_func, level)
            self.emit(depth, "except Exception as %s:" % R.choice(["e", "a"]))
            self.emit(depth + 1, "print('caught', type(%s).__name__)" % "e")
        else:
            self.emit(depth, "o = Box(); o.v = [1, 2, 3]")
            self.emit(depth, "print(t(lambda: (%s, o.__dict__ if hasattr(o, '__dict__') else 0)))" % R.choice(
                ["o.v.__delitem__(slice(0, 2))", "delattr(o, 'v')", "delattr(o, 'w')"]))

    def guarded(self, depth, in_func, level):
        self.emit(depth, "try:")
        self.stmt(depth + 1, in_func, level)
        self.emit(depth, "except Exception as e:")
        self.emit(depth + 1, "print(type(e).__name__, e)")


PRE = """class Box:
    pass


def t(f):
    try:
        return f()
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)


a = 1
b = 2
"""

g = Gen()
print(PRE)
for _ in range(N):
    g.guarded(0, False, 1)
print("\n".join(g.lines))
print("print(sorted(k for k in globals() if len(k) == 1))")
