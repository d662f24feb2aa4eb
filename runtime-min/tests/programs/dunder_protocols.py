# dir(), != semantics, dict/set dunder methods, dict subclass calling super().__getitem__.
class Base:
    def a(self):
        pass


class Derived(Base):
    def b(self):
        pass

    def a(self):
        pass


d = Derived()
d.x = 1
names = dir(d)
print(names.count("a"), names.count("b"), "x" in names, "a" in dir(Derived), "b" in dir(Base))
print("append" in dir(list), "append" in dir([]), "join" in dir(""), "keys" in dir({}))
print("__name__" in dir(), "dir" not in dir())


class WithDir:
    def __dir__(self):
        return ["z", "y"]


print(dir(WithDir()))


class E:
    def __eq__(self, other):
        return 7


class N:
    def __ne__(self, other):
        return "ne"


print(E() != 1, 1 != E(), E() == 1, N() != 1, 1 != N(), N() != N(), E() != N(), N() != E())
dd = {}
dd.__setitem__("k", 1)
print(dd.__getitem__("k"), dd)
dd.__delitem__("k")
print(dd, {1, 2}.__contains__(2), frozenset([3]).__contains__(4))


class Defaulting(dict):
    def __getitem__(self, k):
        if k in self:
            return super().__getitem__(k)
        return "default"

    def __setitem__(self, k, v):
        super().__setitem__(k, v * 2)


m = Defaulting()
m["a"] = 5
print(m["a"], m["b"], len(m), list(m.items()))
