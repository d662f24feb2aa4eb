# compare uint: native/viper program compiled byte-for-byte against the reference.
import micropython


@micropython.viper
def umax(a: uint, b: uint) -> uint:
    if a > b:
        return a
    return b


@micropython.viper
def ule(a: uint, b: uint) -> bool:
    return a <= b


@micropython.viper
def ne(a: uint, b: uint) -> bool:
    return a != b


print(umax(uint(3), uint(9)), ule(uint(4), uint(4)), ne(uint(1), uint(2)))
