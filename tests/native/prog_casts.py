# casts: native/viper program compiled byte-for-byte against the reference.
import micropython


@micropython.viper
def as_int(x) -> int:
    return int(x)


@micropython.viper
def as_bool(x: int) -> bool:
    return bool(x)


@micropython.viper
def first_byte(b) -> int:
    p = ptr8(b)
    return p[0]


@micropython.viper
def through_ptr(b) -> bool:
    p = ptr(b)
    return int(p) != 0


print(as_int(17), as_bool(0), as_bool(9))
print(first_byte(bytearray(b"Z")), through_ptr(bytearray(4)))
