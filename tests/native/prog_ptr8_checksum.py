# ptr8 checksum: native/viper program compiled byte-for-byte against the reference.
import micropython


@micropython.viper
def fletcher(buf: ptr8, n: int) -> int:
    a = 0
    b = 0
    for i in range(n):
        a = (a + buf[i]) % 255
        b = (b + a) % 255
    return (b << 8) | a


@micropython.viper
def xor_all(buf: ptr8, n: int) -> int:
    x = 0
    for i in range(n):
        x ^= buf[i]
    return x


data = bytearray(b"abcde")
print(fletcher(data, len(data)), xor_all(data, len(data)))
