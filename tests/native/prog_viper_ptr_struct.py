# viper ptr struct: native/viper program compiled byte-for-byte against the reference.
import micropython


@micropython.viper
def pack(buf: ptr8, a: int, b: int):
    buf[0] = a & 0xFF
    buf[1] = (a >> 8) & 0xFF
    buf[2] = b & 0xFF
    buf[3] = (b >> 8) & 0xFF


@micropython.viper
def unpack(buf: ptr8) -> int:
    a = buf[0] | (buf[1] << 8)
    b = buf[2] | (buf[3] << 8)
    return a + b


b = bytearray(4)
pack(b, 0x1234, 0x0101)
print(list(b), unpack(b))
