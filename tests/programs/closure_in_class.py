class Multiplier:
    def __init__(self, k):
        self.k = k

    def make(self):
        k = self.k

        def mul(x):
            return x * k

        return mul


m = Multiplier(3).make()
print(m(7), list(map(m, [1, 2, 3])))


def method_closure():
    total = 0

    class Acc:
        def add(self, v):
            nonlocal total
            total += v
            return total

    a = Acc()
    a.add(3)
    a.add(4)
    return total


print(method_closure())
