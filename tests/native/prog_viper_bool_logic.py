# viper bool logic: native/viper program compiled byte-for-byte against the reference.
import micropython


@micropython.viper
def in_range(x: int, lo: int, hi: int) -> bool:
    return lo <= x and x < hi


@micropython.viper
def either(a: int, b: int) -> bool:
    return a != 0 or b != 0


@micropython.viper
def count_true(n: int) -> int:
    c = 0
    for i in range(n):
        if in_range(i, 2, 5) and not either(0, 0):
            c += 1
    return c


print(in_range(3, 0, 4), either(0, 0), count_true(10))
