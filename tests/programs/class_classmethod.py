class Counter:
    count = 0

    def __init__(self):
        Counter.count += 1

    @classmethod
    def make(cls, n):
        return [cls() for _ in range(n)]

    @classmethod
    def total(cls):
        return cls.count

    @staticmethod
    def double(x):
        return x * 2


class Sub(Counter):
    pass


Counter.make(3)
print(Counter.total())
s = Sub.make(2)
print(type(s[0]).__name__, Counter.count, Sub.total())
print(Counter.double(21), Sub.double("ab"))
c = Counter()
print(c.double(5), c.total())
