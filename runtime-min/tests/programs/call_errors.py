# Argument errors of list.sort, type(), super(), bytes().
tests = [
    lambda: [].append(x=1),
    lambda: round(),
    lambda: round(1, 2, 3),
    lambda: [].append(1, 2),
    lambda: [].sort(1),
    lambda: [].sort(noexist=1),
    lambda: type(),
    lambda: type(1, 2),
    lambda: type("A", (), {}, 4),
    lambda: super(str, 0),
    lambda: super(str, int),
    lambda: super(0, int),
    lambda: {}[:] ,
    lambda: bytes([1, 2, 3], 1),
    lambda: bytes(1, 2, 3, 4),
]
for t in tests:
    try:
        print(repr(t()))
    except Exception as e:
        print(type(e).__name__, e)


class Base:
    @classmethod
    def make(cls):
        return cls.__name__

    def hello(self):
        return "base"


class Child(Base):
    @classmethod
    def make(cls):
        return "child-" + super().make()

    def hello(self):
        return "child+" + super().hello() + "+" + super(Child, self).hello()


print(Child.make(), Child().hello(), super(Child, Child).make())
