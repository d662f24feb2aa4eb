# ptr8 sum: native/viper program compiled byte-for-byte against the reference.
import micropython


@micropython.viper
def sum8(buf: ptr8, n: int) -> int:
    s = 0
    for i in range(n):
        s += buf[i]
    return s


def total(data):
    return sum8(data, len(data))


print(total(bytearray(b"hello world")))
print(total(bytearray(range(40))))
