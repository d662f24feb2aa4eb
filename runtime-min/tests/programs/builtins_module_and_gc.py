# The builtins module (reading built-ins through it, overriding and adding names for every
# module), module attribute errors, sys.modules (modules of Python code only), and
# gc.threshold / gc.disable.
import builtins
import gc
import sys

print(builtins.len("abc"), builtins.int, builtins.ValueError, builtins.__name__)


def use_later():
    return later_value


try:
    use_later()
except NameError as e:
    print(e)
builtins.later_value = 42
print(use_later(), later_value)
del builtins.later_value
try:
    use_later()
except NameError as e:
    print(e)

_print = print


def shout(*args, **kw):
    _print(*[str(a).upper() for a in args], **kw)


builtins.print = shout
print("overridden", 1)
builtins.print = _print
print("restored")
builtins.abs = lambda x: "abs of %r" % x
print(abs(-3))
del builtins.abs
print(abs(-3))

for m in (sys, gc, builtins):
    try:
        m.no_such_attribute
    except AttributeError as e:
        print(e)
try:
    getattr(gc, "missing")
except AttributeError as e:
    print(e)
print(hasattr(gc, "missing"), hasattr(gc, "collect"))
print([m for m in ("sys", "gc", "builtins", "micropython") if m in sys.modules])

gc.threshold(1000)
print(gc.threshold())
gc.threshold(1009)
print(gc.threshold())
gc.threshold(-1)
print(gc.threshold())
gc.threshold(4096)
keep = []
for i in range(300):
    keep.append([i] * 4)
    keep = keep[-20:]
print(len(keep), keep[-1])
gc.threshold(-1)
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())

# Overriding __build_class__ and __import__ reaches class statements and import statements
# (py/runtime.c's mp_load_build_class and mp_import_name, which pass the importer's globals
# and None for locals).
import builtins

saved_build_class = builtins.__build_class__ if hasattr(builtins, "__build_class__") else __build_class__
builtins.__build_class__ = lambda body, name, *bases: ("class", name, len(bases))


class Made(int):
    pass


print(Made)
builtins.__build_class__ = saved_build_class


def globals_of_here():
    return globals()


def traced_import(name, globals, locals, fromlist, level):
    print("import", name, globals is globals_of_here(), locals, fromlist, level)

    class Stub:
        x = 1
        y = 2

    return Stub


builtins.__import__ = traced_import
import alpha
import alpha.beta
from alpha import x
from alpha.beta import x, y
from . import x
from ..gamma import y
del builtins.__import__
import gc as gc2
print(gc2 is gc, x, y)
