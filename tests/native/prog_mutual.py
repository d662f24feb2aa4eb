# mutual: native/viper program compiled byte-for-byte against the reference.
import micropython


@micropython.native
def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)


def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)


@micropython.viper
def count_even(n: int) -> int:
    c = 0
    for i in range(n):
        if is_even(i):
            c += 1
    return c


print(is_even(10), is_odd(7), count_even(9))
