# Viper loops over bytearrays through ptr8/ptr16/ptr32 (prints; run by hand on the unix port,
# against the same source as bytecode with ptr16/ptr32 emulated).
import micropython


@micropython.viper
def checksum(buf: ptr8, n: int) -> int:
    s = 0
    for i in range(n):
        s += buf[i]
    return s


@micropython.viper
def fill(buf: ptr8, n: int, v: int):
    i = 0
    while i < n:
        buf[i] = v + i
        i += 1


@micropython.viper
def copy_reversed(dst: ptr8, src: ptr8, n: int):
    for i in range(n):
        dst[n - 1 - i] = src[i]


@micropython.viper
def halfwords(b, n: int) -> int:
    buf = ptr16(b)
    s = 0
    for i in range(n):
        buf[i] = buf[i] * 3 + 1
        s += buf[i]
    return s


@micropython.viper
def words(b, n: int) -> int:
    buf = ptr32(b)
    best = 0
    for i in range(n):
        if buf[i] > best:
            best = buf[i]
    return best


@micropython.viper
def count_zero(buf: ptr8, n: int) -> int:
    c = 0
    for i in range(n):
        if buf[i] == 0:
            c += 1
        else:
            continue
    return c


b = bytearray(16)
fill(b, 16, 40)
print(list(b))
print(checksum(b, 16))
r = bytearray(16)
copy_reversed(r, b, 16)
print(list(r))
h = bytearray(8)
h[0] = 7
h[2] = 1
print(halfwords(h, 4), list(h))
w = bytearray(b"\x01\x00\x00\x00\x09\x01\x00\x00\x05\x00\x00\x00")
print(words(w, 3))
print(count_zero(bytearray(b"\x00a\x00b\x00"), 5))
