# viper returns: native/viper program compiled byte-for-byte against the reference.
import micropython


@micropython.viper
def r_int(x: int) -> int:
    return x - 1


@micropython.viper
def r_uint(x: int) -> uint:
    return uint(x) + uint(1)


@micropython.viper
def r_bool(x: int) -> bool:
    return x > 3


@micropython.viper
def r_obj(x: int):
    return (x, x * 2)


print(r_int(5), r_uint(5), r_bool(5), r_bool(1), r_obj(4))
