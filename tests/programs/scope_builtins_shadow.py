def len(x):
    return "custom len"


print(len([1, 2]))
del len
print(len([1, 2]))


def f():
    print = lambda *a: None
    print("hidden")
    return "f done"


print(f())
