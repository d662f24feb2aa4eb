# viper break continue: native/viper program compiled byte-for-byte against the reference.
import micropython


@micropython.viper
def find(buf: ptr8, n: int, v: int) -> int:
    for i in range(n):
        if buf[i] == v:
            return i
    return -1


@micropython.viper
def sum_odd_until_zero(buf: ptr8, n: int) -> int:
    s = 0
    i = 0
    while i < n:
        x = buf[i]
        i += 1
        if x == 0:
            break
        if x & 1 == 0:
            continue
        s += x
    return s


b = bytearray(b"\x01\x02\x03\x05\x00\x07")
print(find(b, 6, 5), find(b, 6, 9), sum_odd_until_zero(b, 6))
