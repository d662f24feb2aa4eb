# Calls between native, viper and bytecode functions, methods and classes (prints).
import micropython


def plain_double(x):
    return x * 2


@micropython.native
def native_add(a, b):
    return plain_double(a) + b


@micropython.viper
def viper_sum(n: int) -> int:
    s = 0
    for i in range(n):
        s += int(native_add(i, 1))
    return s


@micropython.viper
def viper_calls_object(f, x: int):
    return f(x)


class Shape:
    def __init__(self, w, h):
        self.w = w
        self.h = h

    @micropython.native
    def area(self):
        return self.w * self.h

    @micropython.viper
    def scaled(self, k: int) -> int:
        return int(self.w) * k

    def describe(self):
        return "%dx%d=%d" % (self.w, self.h, self.area())


total = 0


@micropython.native
def bump_global(v):
    global total
    total += v
    return total


@micropython.viper
def viper_global(v: int):
    global total
    total = v * 2


print(native_add(3, 4))
print(viper_sum(10))
print(viper_calls_object(plain_double, 21))
print(viper_calls_object(str, 5))
s = Shape(3, 4)
print(s.area(), s.scaled(5), s.describe())
print(bump_global(5), bump_global(6))
viper_global(21)
print(total)
print(list(map(native_add, [1, 2], [3, 4])))
