# native calls viper: native/viper program compiled byte-for-byte against the reference.
import micropython


@micropython.viper
def square(x: int) -> int:
    return x * x


@micropython.native
def sum_squares(n):
    t = 0
    for i in range(n):
        t += square(i)
    return t


def driver():
    return [sum_squares(k) for k in range(5)]


print(driver())
