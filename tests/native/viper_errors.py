# ViperTypeError: the last error of the statement wins, reported at the statement's line.
x = 1


@micropython.viper
def f(a: int):
    x = 1
    return a / 2
