# native methods: native/viper program compiled byte-for-byte against the reference.
import micropython


class Acc:
    def __init__(self):
        self.items = []

    @micropython.native
    def add(self, x):
        self.items.append(x)
        return self

    @micropython.viper
    def total(self) -> int:
        s = 0
        for v in self.items:
            s += int(v)
        return s


a = Acc()
a.add(1).add(2).add(3)
print(a.total(), a.items)
