# ptr arith: native/viper program compiled byte-for-byte against the reference.
import micropython


@micropython.viper
def sum_tail(b, start: int, n: int) -> int:
    p = ptr8(uint(ptr8(b)) + uint(start))
    s = 0
    for i in range(n):
        s += p[i]
    return s


def tail(data, k):
    return sum_tail(data, k, len(data) - k)


print(tail(bytearray(b"\x01\x02\x03\x04\x05"), 2))
