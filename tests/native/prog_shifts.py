# shifts: native/viper program compiled byte-for-byte against the reference.
import micropython


@micropython.viper
def shl(x: int, n: int) -> int:
    return x << n


@micropython.viper
def shr(x: int, n: int) -> int:
    return x >> n


@micropython.viper
def ushr(x: uint, n: uint) -> uint:
    return x >> n


print(shl(3, 4), shr(-64, 3), shr(1000, 2))
print(ushr(uint(0x1000), uint(4)))
