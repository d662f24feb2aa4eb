# wraparound: native/viper program compiled byte-for-byte against the reference.
import micropython


@micropython.viper
def wrap_add(a: uint, b: uint) -> uint:
    return a + b


@micropython.viper
def wrap_mul(a: int, b: int) -> int:
    return (a * b) & 0xFFFF


@micropython.viper
def byte_add(buf: ptr8, v: int):
    buf[0] = buf[0] + v


print(wrap_mul(300, 300))
b = bytearray(b"\xf0")
byte_add(b, 32)
print(b[0])
print(wrap_add(uint(1), uint(2)))
