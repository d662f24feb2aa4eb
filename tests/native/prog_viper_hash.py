# viper hash: native/viper program compiled byte-for-byte against the reference.
import micropython


@micropython.viper
def djb2(buf: ptr8, n: int) -> uint:
    h = uint(5381)
    for i in range(n):
        h = ((h << 5) + h + uint(buf[i])) & uint(0xFFFFFFFF)
    return h


def hash_str(s):
    b = bytearray(s)
    return djb2(b, len(b))


print(hash_str(b"a"), hash_str(b"hello"))
