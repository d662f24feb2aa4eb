# ptr8 fill: native/viper program compiled byte-for-byte against the reference.
import micropython


@micropython.viper
def fill(buf: ptr8, n: int, v: int):
    i = 0
    while i < n:
        buf[i] = v
        i += 1


@micropython.viper
def fill_step(buf: ptr8, n: int, v: int):
    for i in range(0, n, 2):
        buf[i] = v + i


b = bytearray(10)
fill(b, 10, 7)
print(b)
fill_step(b, 10, 1)
print(list(b))
