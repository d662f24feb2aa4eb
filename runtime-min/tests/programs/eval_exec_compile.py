# eval, exec and compile (py/builtinevex.c): code compiled at run time by the host's compiler
import sys
import micropython

# eval: expressions, the caller's globals, lambdas and closures over globals
x = 4
print(eval("1 + 2"), eval("x * 10"), eval("1 + 2\n\n#comment\n"))
print(eval("lambda a: a + x")(5))
print(eval("[i * i for i in range(5)]"), eval("{'k': (1, 2)}"))
print(eval(b"2 * 3"), eval(bytearray(b"2 * 4")), eval(memoryview(b"2 * 5")))


def in_function():
    # MicroPython has no function locals here: eval sees the module's globals
    return eval("x + 1")


print(in_function())

# exec: statements, definitions land in the namespace given
exec("y = 7\nprint('y', y)")
print(y)
print(exec("def foo(): return 42"), foo())
g = {}
exec("def bar(): return 84\nz = 3", g)
print(g["bar"](), g["z"], sorted(k for k in g if not k.startswith("__")))
exec("print(q)", {"q": 9})
exec("print(a, b)", {"a": 1}, {"b": 2})
exec("print(x)", None)
exec("print(x)", {"x": 3}, None)
exec("print(x)", None, {"x": 5})
loc = {}
exec("w = 1\nw += 1", None, loc)
print(loc, "w" in globals())
exec("class C:\n    n = 5\n    def get(self):\n        return self.n * 2\nprint(C().get())")
exec("def outer():\n    v = 3\n    def inner():\n        return v + 1\n    return inner\nprint(outer()())")
exec("for i in range(3):\n    print('loop', i)")
exec("print(eval('x * 100'))")
exec("")
exec("\n")
exec("\r\nprint(3)")

# compile: code objects run again with other namespaces
c = compile("print(k)", "file", "exec")
try:
    exec(c)
except NameError as e:
    print("NameError", e)
k = 1
exec(c)
exec(c, {"k": 2})
exec(c, {}, {"k": 3})
print(eval(compile("10 + 3", "file", "eval")))
print(exec(compile("10 + 3", "file", "eval")))
exec(compile("if 1: 10 + 1\n", "file", "single"))
exec(compile("print(10 + 2)", "file", "single"))
exec(compile("None", "file", "single"))
exec(compile("'text'", "file", "single"))
exec(compile("x = 1; [1, 2]; x", "file", "single"))
show_single = "1\n2\n"
exec(compile("def func(): pass\nprint('k', func.__globals__['k'])", "file", "exec"))
print(type(compile("", "", "exec")), type(hash(compile("", "", "exec"))))

# errors: the compiler's, with their traceback entries, and from running the code
def show(src, mode="exec"):
    try:
        if mode == "eval":
            eval(src)
        else:
            exec(src)
        print("no error")
    except Exception as e:
        print(type(e).__name__, e.args)
        sys.print_exception(e, sys.stdout)


show("1 +", "eval")
show("a \\a\n")
show("def f():\n  a\n a\n")
show("'abc")
show("!")
show(" a\n")
show("123z")
show("return 1")
show("break")
show("def f(a, a): pass")
show("nonlocal q")
show("x = \n  1")
show("f(**a, *b)")
show("raise ValueError('inside')")
show("def f():\n    return 1 / 0\nf()")
show("import no_such_module")
show("x.y.z")

for bad in [("print(1)", "foo"), ("print(1)", None, 123)]:
    try:
        exec(*bad)
    except TypeError as e:
        print("TypeError", e.args)
for bad in [5, None, [1]]:
    try:
        eval(bad)
    except TypeError as e:
        print("TypeError", e)
try:
    compile("1", "file", "")
except ValueError as e:
    print("ValueError", e)
try:
    compile("1", 5, "exec")
except TypeError as e:
    print("TypeError", e)
try:
    compile(5, "f", "exec")
except TypeError as e:
    print("TypeError", e)
try:
    eval("1", {}, {}, {})
except TypeError as e:
    print("TypeError", e)

# many different sources
total = 0
for i in range(300):
    total += eval(str(i) + " * 2")
print(total)
ns = {}
for i in range(50):
    exec("v%d = %d" % (i, i), ns)
print(sum(ns["v%d" % i] for i in range(50)))

# names from compiled code and from this module are the same keys
exec("shared = 1")
shared = 2
exec("shared += 10")
print(shared, [n for n in globals() if n == "shared"])

# micropython.opt_level applies to compiled code
print(micropython.opt_level())
exec("print(__debug__)")
micropython.opt_level(1)
print(micropython.opt_level())
exec("print(__debug__)")
exec("assert 0")
micropython.opt_level(0)
try:
    exec("assert 0, 'kept'")
except AssertionError as e:
    print("AssertionError", e)
try:
    compile(show_single, "file", "single")
except SyntaxError as e:
    print("SyntaxError", e)
