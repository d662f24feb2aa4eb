@micropython.viper
def f(a: int, b: uint):
    c = a
    c = b
    return c
