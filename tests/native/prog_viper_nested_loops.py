# viper nested loops: native/viper program compiled byte-for-byte against the reference.
import micropython


@micropython.viper
def matmul2(a: ptr8, b: ptr8, out: ptr16):
    for i in range(2):
        for j in range(2):
            s = 0
            for k in range(2):
                s += a[i * 2 + k] * b[k * 2 + j]
            out[i * 2 + j] = s


a = bytearray(b"\x01\x02\x03\x04")
b = bytearray(b"\x05\x06\x07\x08")
o = bytearray(8)
matmul2(a, b, o)
print(list(o))
