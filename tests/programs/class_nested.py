class Outer:
    class Inner:
        def __init__(self, v):
            self.v = v

        def get(self):
            return self.v * 2

    def make(self, v):
        return self.Inner(v)


o = Outer()
i = o.make(21)
print(i.get())
print(Outer.Inner(5).get())
print(type(i).__name__)
