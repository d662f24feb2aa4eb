# Viper typed arithmetic: int and uint operations, shifts, comparisons, conversions (prints).
import micropython


@micropython.viper
def ops(a: int, b: int) -> int:
    return (a + b) * 3 - (a - b) // 1 + (a & b) + (a | b) + (a ^ b)


@micropython.viper
def shifts(a: int, n: int) -> int:
    return (a << n) + (a >> 1)


@micropython.viper
def cmp(a: int, b: int) -> int:
    r = 0
    if a < b:
        r += 1
    if a <= b:
        r += 2
    if a > b:
        r += 4
    if a >= b:
        r += 8
    if a == b:
        r += 16
    if a != b:
        r += 32
    return r


@micropython.viper
def unsigned(a: uint, b: uint) -> uint:
    if a < b:
        return b - a
    return a - b


@micropython.viper
def mixed(x) -> int:
    n = int(x)
    return n * n + 1


@micropython.viper
def to_object(a: int) -> int:
    return a + 1000


@micropython.viper
def truthy(a: int) -> bool:
    return bool(a)


@micropython.viper
def neg(a: int) -> int:
    return -a + ~a


for a, b in ((1, 2), (7, 3), (100, 100), (-5, 9)):
    print(ops(a, b), cmp(a, b), shifts(a, 3))
print(unsigned(5, 12), unsigned(12, 5))
print(mixed(12), mixed(-3))
print(to_object(5), type(to_object(5)).__name__)
print(truthy(0), truthy(3))
print(neg(7), neg(-2))
