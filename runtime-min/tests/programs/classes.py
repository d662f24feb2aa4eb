class Animal:
    kind = "animal"
    def __init__(self, name):
        self.name = name
    def speak(self):
        return self.name + " makes a sound"
    def __repr__(self):
        return "Animal(%r)" % self.name
class Dog(Animal):
    def speak(self):
        return super().speak() + " (woof)"
    def __str__(self):
        return "Dog " + self.name
a = Animal("cat")
d = Dog("rex")
print(a.speak(), d.speak(), a, d, [d], repr(d), Dog.kind, d.kind)
print(isinstance(d, Animal), isinstance(a, Dog), issubclass(Dog, Animal), type(d).__name__)
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        return Point(self.x + o.x, self.y + o.y)
    def __eq__(self, o):
        return self.x == o.x and self.y == o.y
    def __lt__(self, o):
        return (self.x, self.y) < (o.x, o.y)
    def __repr__(self):
        return "P(%d,%d)" % (self.x, self.y)
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return (self.x, self.y)[i]
    def __iter__(self):
        yield self.x
        yield self.y
    def __call__(self, k):
        return self.x * k
    def __hash__(self):
        return hash((self.x, self.y))
    def __contains__(self, v):
        return v in (self.x, self.y)
    def __bool__(self):
        return bool(self.x or self.y)
p = Point(1, 2) + Point(3, 4)
print(p, p == Point(4, 6), p != Point(0, 0), len(p), p[1], list(p), p(10), 4 in p, bool(Point(0, 0)))
print(sorted([Point(2, 1), Point(1, 5), Point(1, 2)]), {p: 1}[Point(4, 6)])
class Temp:
    def __init__(self):
        self._c = 0
    @property
    def c(self):
        return self._c
    @c.setter
    def c(self, v):
        self._c = v * 2
    @staticmethod
    def s(x):
        return x + 1
    @classmethod
    def make(cls):
        return cls()
t = Temp()
t.c = 5
print(t.c, Temp.s(1), t.s(2), type(Temp.make()).__name__)
class Base1:
    def who(self):
        return "b1"
class Base2:
    def who(self):
        return "b2"
    def only2(self):
        return "o2"
class Multi(Base1, Base2):
    pass
m = Multi()
print(m.who(), m.only2())
class Counter:
    count = 0
    def __init__(self):
        Counter.count += 1
for _ in range(3):
    Counter()
print(Counter.count)
class WithGetattr:
    def __getattr__(self, name):
        return "dyn_" + name
print(WithGetattr().foo)
print(hasattr(m, "who"), hasattr(m, "nope"), getattr(m, "nope", "dflt"))
setattr(m, "z", 5)
print(m.z)
class Ctx:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, et, ev, tb):
        print("exit", et.__name__ if et else None)
        return True
with Ctx() as cx:
    print("body")
    raise ValueError("boom")
print("after with")
