# ViperTypeError "binary op %q not implemented": mpy-cross names only comparisons, +, -, += and -=.
import micropython


@micropython.viper
def f(a: int, b: uint):
    a @= a
