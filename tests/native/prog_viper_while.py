# viper while: native/viper program compiled byte-for-byte against the reference.
import micropython


@micropython.viper
def gcd(a: int, b: int) -> int:
    while b != 0:
        t = b
        b = a % b
        a = t
    return a


@micropython.viper
def collatz(n: int) -> int:
    steps = 0
    while n != 1:
        if n & 1:
            n = 3 * n + 1
        else:
            n = n >> 1
        steps += 1
    return steps


print(gcd(48, 18), collatz(27))
