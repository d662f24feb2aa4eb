# ptr16 swap: native/viper program compiled byte-for-byte against the reference.
import micropython


@micropython.viper
def swap16(buf: ptr16, n: int):
    for i in range(n):
        v = buf[i]
        buf[i] = ((v & 0xFF) << 8) | ((v >> 8) & 0xFF)


@micropython.viper
def sum16(buf: ptr16, n: int) -> int:
    s = 0
    for i in range(n):
        s += buf[i]
    return s


b = bytearray(b"\x01\x02\x03\x04")
swap16(b, 2)
print(list(b), sum16(b, 2))
