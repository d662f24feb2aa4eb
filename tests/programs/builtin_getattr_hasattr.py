class Obj:
    a = 1

    def method(self):
        return "m"


o = Obj()
print(getattr(o, "a"), getattr(o, "b", "dflt"), hasattr(o, "a"), hasattr(o, "b"))
setattr(o, "b", 2)
print(o.b, getattr(o, "method")())
delattr(o, "b")
print(hasattr(o, "b"))
try:
    getattr(o, "nope")
except AttributeError:
    print("AttributeError")
print(getattr([], "append") is not None, hasattr("", "join"))
