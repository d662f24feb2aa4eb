# signed unsigned: native/viper program compiled byte-for-byte against the reference.
import micropython


@micropython.viper
def to_uint(x: int) -> uint:
    return uint(x)


@micropython.viper
def to_int(x: uint) -> int:
    return int(x)


@micropython.viper
def mixed(a: int, b: uint) -> int:
    c = int(b) + a
    d = uint(a) & b
    return c + int(d)


print(to_int(to_uint(42)), mixed(5, uint(3)))
