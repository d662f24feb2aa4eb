# bitreverse: native/viper program compiled byte-for-byte against the reference.
import micropython


@micropython.viper
def rev8(x: int) -> int:
    r = 0
    for _ in range(8):
        r = (r << 1) | (x & 1)
        x >>= 1
    return r


@micropython.viper
def rev_all(buf: ptr8, n: int):
    for i in range(n):
        buf[i] = int(rev8(buf[i]))


b = bytearray(b"\x01\x80\x0f")
rev_all(b, 3)
print(list(b))
