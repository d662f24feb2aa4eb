import micropython
from micropython import const

X = const(3)
print(X, micropython.const(5))


def use():
    return X * 2


print(use())
