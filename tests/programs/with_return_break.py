class CM:
    def __init__(self, tag):
        self.tag = tag

    def __enter__(self):
        print("enter", self.tag)

    def __exit__(self, *a):
        print("exit", self.tag)


def f():
    with CM("ret"):
        return "value"


print(f())
for i in range(3):
    with CM(i):
        if i == 1:
            continue
        if i == 2:
            break
        print("body", i)
