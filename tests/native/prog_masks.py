# masks: native/viper program compiled byte-for-byte against the reference.
import micropython


@micropython.viper
def low_nibble(x: int) -> int:
    return x & 0xF


@micropython.viper
def high_nibble(x: int) -> int:
    return (x >> 4) & 0xF


@micropython.viper
def set_bit(x: int, b: int) -> int:
    return x | (1 << b)


@micropython.viper
def clear_bit(x: int, b: int) -> int:
    return x & ~(1 << b)


print(low_nibble(0xAB), high_nibble(0xAB))
print(set_bit(0, 5), clear_bit(0xFF, 0))
