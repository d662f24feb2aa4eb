# Native and viper functions compiled with -march=x64: the dump shows x64 instructions.
import micropython


@micropython.native
def nat(a, b):
    return a + b


@micropython.native
def natgen(n):
    for i in range(n):
        yield i


@micropython.viper
def vip(buf: ptr8, n: int) -> int:
    s = 0
    for i in range(n):
        s += buf[i]
    return s


def plain():
    return nat(1, 2)
