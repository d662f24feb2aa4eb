# bytecode calls native: native/viper program compiled byte-for-byte against the reference.
import micropython


@micropython.native
def add(a, b=10):
    return a + b


@micropython.native
def scale(x, *, factor=2):
    return x * factor


def combine(values):
    return [scale(add(v), factor=3) for v in values]


print(combine([1, 2, 3]))
print(add(1, 2), scale(5))
