# ViperTypeError: an untyped op on ints pops its operands and leaves an int behind (the last error wins).
import micropython


@micropython.viper
def f(a: int, b: uint):
    return a is not a
