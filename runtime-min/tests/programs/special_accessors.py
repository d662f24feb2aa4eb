# Special accessors (property, descriptors, __setattr__/__delattr__) added to a class
# after it was subclassed: MicroPython raises AttributeError (py/objtype.c type_attr).


def attempt(label, fn):
    try:
        fn()
        print(label, "ok")
    except AttributeError as e:
        print(label, "AttributeError:", e)


class A:
    pass


class B(A):
    pass


def set_prop():
    A.p = property(lambda self: 1)


attempt("property on subclassed", set_prop)


def set_plain():
    A.x = 5
    A.f = lambda self: 2


attempt("plain attrs on subclassed", set_plain)
print(B().x, B().f())


def set_prop_sub():
    B.p = property(lambda self: 3)


attempt("property on leaf", set_prop_sub)
print(B().p)


def set_setattr():
    A.__setattr__ = lambda self, k, v: None


attempt("__setattr__ on subclassed", set_setattr)


def set_delattr():
    A.__delattr__ = lambda self, k: None


attempt("__delattr__ on subclassed", set_delattr)


class Desc:
    def __get__(self, obj, owner):
        return 42


class SetDesc:
    def __set__(self, obj, v):
        pass


class DelDesc:
    def __delete__(self, obj):
        pass


attempt("__get__ descriptor", lambda: setattr(A, "d", Desc()))
attempt("__set__ descriptor", lambda: setattr(A, "d", SetDesc()))
attempt("__delete__ descriptor", lambda: setattr(A, "d", DelDesc()))
attempt("descriptor class itself", lambda: setattr(A, "d", Desc))
attempt("staticmethod", lambda: setattr(A, "s", staticmethod(lambda: 1)))
attempt("classmethod", lambda: setattr(A, "c", classmethod(lambda cls: 1)))
attempt("other dunder", lambda: setattr(A, "__getattr__", lambda self, n: 7))
attempt("__getattribute__", lambda: setattr(A, "__getattribute__", lambda self, n: 7))


# A class that already has a special accessor may get more, even when subclassed.
class C:
    @property
    def q(self):
        return 1


class D(C):
    pass


attempt("property on class with property", lambda: setattr(C, "r", property(lambda s: 2)))
print(D().r)


# The flag is inherited: a subclass of a class with a property may get more.
class E(D):
    pass


attempt("property on inheriting subclass", lambda: setattr(D, "t", property(lambda s: 3)))
print(E().t)


# Subclassing a built-in does not mark the built-in; type() counts as subclassing.
class F:
    pass


G = type("G", (F,), {})
attempt("property after type()", lambda: setattr(F, "p", property(lambda s: 1)))


class H(Exception):
    pass


class I(H):
    pass


attempt("property on exception subclass", lambda: setattr(H, "p", property(lambda s: 1)))


# Deleting is always allowed; not subclassed is always allowed.
class J:
    pass


attempt("property on unsubclassed", lambda: setattr(J, "p", property(lambda s: 9)))
print(J().p)


class K(J):
    pass


attempt("second property after subclass", lambda: setattr(J, "p2", property(lambda s: 9)))
del A.x
print(hasattr(A, "x"))
