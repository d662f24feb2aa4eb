class Adder:
    def __init__(self, base):
        self.base = base
        self.calls = 0

    def __call__(self, x, y=0):
        self.calls += 1
        return self.base + x + y


add5 = Adder(5)
print(add5(1), add5(1, 2), add5(y=10, x=0))
print(add5.calls)
print(list(map(add5, [1, 2, 3])))
print(callable(add5), callable(5))
