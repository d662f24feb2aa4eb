# Class creation checks (mp_obj_new_type): bases must be types that make instances, at most one built-in base.
class Mixin:
    def hello(self): return "hi"
for make in (lambda: type("E1", (ValueError, KeyError), {}), lambda: type("E2", (Mixin, ValueError), {}), lambda: type("L", (list, Mixin), {}),
             lambda: type("D", (dict, list), {}), lambda: type("O", (object, Mixin), {}), lambda: type("X", (Exception, Mixin), {})):
    try:
        c = make()
        print(c.__name__, "ok")
    except TypeError as e:
        print("TypeError", e)
class A(Exception): pass
class B(A, Mixin): pass
try:
    raise B("x")
except A as e:
    print("caught", e, e.hello())
for args in (("abc", None, None), ("abc", (), None), ("abc", (1,), {})):
    try:
        type(*args)
    except TypeError as e:
        print("TypeError", repr(e))
for base in (type([].append), type(len), type(print), type(iter([]))):
    try:
        type("Sub", (base,), {})
    except TypeError as e:
        print("TypeError", e)
