it = iter([10, 20, 30])
print(next(it), next(it), next(it), next(it, "end"))
s = iter("ab")
print(list(s), list(s))
d = iter({"k": 1})
print(next(d))


class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 11


print(list(iter(Seq())))
print(list(Seq()))
