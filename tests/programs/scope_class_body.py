y = "module"


class C:
    y = "class"
    z = y + "!"

    def method(self):
        return y


print(C.y, C.z, C().method())


class D:
    items = [1, 2, 3]
    doubled = [i * 2 for i in items]


print(D.doubled)
