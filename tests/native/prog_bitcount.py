# bitcount: native/viper program compiled byte-for-byte against the reference.
import micropython


@micropython.viper
def popcount(x: uint) -> int:
    c = 0
    while x:
        x &= x - 1
        c += 1
    return c


@micropython.viper
def count_bits(buf: ptr8, n: int) -> int:
    total = 0
    for i in range(n):
        total += int(popcount(buf[i]))
    return total


print(popcount(255), popcount(0), popcount(0x1234))
print(count_bits(bytearray(b"\xff\x0f\x01"), 3))
