# ptr8 reverse: native/viper program compiled byte-for-byte against the reference.
import micropython


@micropython.viper
def reverse(buf: ptr8, n: int):
    i = 0
    j = n - 1
    while i < j:
        t = buf[i]
        buf[i] = buf[j]
        buf[j] = t
        i += 1
        j -= 1


def reversed_copy(s):
    b = bytearray(s)
    reverse(b, len(b))
    return b


print(reversed_copy(b"abcdef"))
print(reversed_copy(b"racecar"))
