def build():
    out = []
    for n in range(3):
        def show(n=n):
            return "item %d" % n
        out.append(show)
    return out


print([f() for f in build()])


def counter_pair():
    c = [0]

    def bump():
        c[0] += 1
        return c[0]

    return bump


b1 = counter_pair()
b1()
b1()
print(b1())
