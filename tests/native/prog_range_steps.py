# range steps: native/viper program compiled byte-for-byte against the reference.
import micropython


@micropython.viper
def sum_by3(a: int, b: int) -> int:
    s = 0
    for i in range(a, b, 3):
        s += i
    return s


@micropython.viper
def sum_down(a: int, b: int) -> int:
    s = 0
    for i in range(a, b, -1):
        s += i
    return s


@micropython.viper
def down(n: int) -> int:
    s = 0
    for i in range(n, 0, -1):
        s = s * 2 + i
    return s


@micropython.native
def native_range():
    return [i for i in range(10, 0, -3)]


print(sum_by3(0, 20), sum_down(5, 1), down(4), native_range())
