# ptr32 ops: native/viper program compiled byte-for-byte against the reference.
import micropython


@micropython.viper
def fill32(buf: ptr32, n: int, v: int):
    for i in range(n):
        buf[i] = v + i


@micropython.viper
def max32(buf: ptr32, n: int) -> int:
    m = buf[0]
    for i in range(1, n):
        if buf[i] > m:
            m = buf[i]
    return m


b = bytearray(16)
fill32(b, 4, 100)
print(list(b), max32(b, 4))
