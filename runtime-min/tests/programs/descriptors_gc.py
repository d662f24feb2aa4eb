# Descriptors (__get__/__set__/__delete__/__set_name__), __bases__, the gc module.
import gc


class Typed:
    def __set_name__(self, owner, name):
        self.name = "_" + name
        print("bound", owner.__name__, name)

    def __get__(self, obj, cls):
        if obj is None:
            return self
        return getattr(obj, self.name, "unset")

    def __set__(self, obj, value):
        if not isinstance(value, int):
            raise TypeError("int expected")
        setattr(obj, self.name, value)

    def __delete__(self, obj):
        print("deleting", self.name)


class Point:
    x = Typed()
    y = Typed()

    def __init__(self, x):
        self.x = x


p = Point(3)
print(p.x, p.y, type(Point.x).__name__)
p.y = 4
print(p.x + p.y, sorted(k for k in p.__dict__))
try:
    p.x = "no"
except TypeError as e:
    print("TypeError", e)
del p.x


class Renamer:
    def __set_name__(self, owner, name):
        setattr(owner, name + "_alias", 7)
        delattr(owner, name)


class Host:
    r = Renamer()
    keep = 1


print(hasattr(Host, "r"), Host.r_alias, Host.keep)
print(object.__bases__, int.__bases__, bool.__bases__, Point.__bases__, ValueError.__bases__)
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
junk = [[i] * 10 for i in range(50)]
del junk
gc.collect()
print(gc.isenabled(), type(gc.mem_free()), gc.mem_alloc() > 0, gc.mem_free() > 0)
