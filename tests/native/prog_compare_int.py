# compare int: native/viper program compiled byte-for-byte against the reference.
import micropython


@micropython.viper
def clamp(x: int, lo: int, hi: int) -> int:
    if x < lo:
        return lo
    if x > hi:
        return hi
    return x


@micropython.viper
def sign(x: int) -> int:
    if x > 0:
        return 1
    elif x == 0:
        return 0
    return -1


print([clamp(v, 0, 10) for v in (-5, 5, 15)])
print([sign(v) for v in (-3, 0, 3)])
