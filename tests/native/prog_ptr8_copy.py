# ptr8 copy: native/viper program compiled byte-for-byte against the reference.
import micropython


@micropython.viper
def copy(dst: ptr8, src: ptr8, n: int) -> int:
    i = 0
    while i < n:
        dst[i] = src[i]
        i += 1
    return i


def duplicate(data):
    out = bytearray(len(data))
    copy(out, data, len(data))
    return out


print(duplicate(bytearray(b"copy me")))
print(duplicate(b"const bytes"))
