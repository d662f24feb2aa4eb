# Native, viper and inline-assembler functions (compiled with -march=armv7m).
import micropython


@micropython.native
def nat(a, b):
    return a + b


@micropython.native
def natgen(n):
    for i in range(n):
        yield i


@micropython.viper
def vip(x: int) -> int:
    return x * 2


@micropython.asm_thumb
def asm(r0):
    add(r0, r0, 1)


def plain():
    return nat(1, 2)
