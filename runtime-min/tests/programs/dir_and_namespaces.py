# dir() in MicroPython's order (it probes every qstr: mpy's static names first, then the
# firmware's sorted names, then names in the order the code brought them), dir() of the
# local namespace, __file__ in a module's globals, and sys's attributes.
import gc
import sys


class Base:
    klass_qq = 1

    def __init__(self):
        self.zeta_qq = 1
        self.alpha_qq = 2

    def method_qq(self):
        pass


class Derived(Base):
    def extra_qq(self):
        pass


print(dir(Base()))
print(dir(Derived))
print(dir(Derived()))
print(dir(gc))
print(dir(sys))
print(dir(1))
print(dir(ValueError("x")))
print(len(dir("")) > 30, "join" in dir(""), "append" in dir([]))
top_level_qq = 5
print(sorted(dir()))
print("__file__" in globals(), "__file__" in dir())


def local_names(a, b):
    c = a + b
    return sorted(dir())


print(local_names(1, 2))


class WithDir:
    def __dir__(self):
        return ["custom", "names"]


print(dir(WithDir()))
print(sys.platform == "webassembly" or sys.platform == "runtime-min", sys.ps1, sys.ps2)
