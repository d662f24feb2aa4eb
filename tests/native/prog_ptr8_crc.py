# ptr8 crc: native/viper program compiled byte-for-byte against the reference.
import micropython


@micropython.viper
def crc8(buf: ptr8, n: int) -> int:
    crc = 0
    for i in range(n):
        crc ^= buf[i]
        for _ in range(8):
            if crc & 0x80:
                crc = ((crc << 1) ^ 0x07) & 0xFF
            else:
                crc = (crc << 1) & 0xFF
    return crc


def crc_of(s):
    b = bytearray(s)
    return crc8(b, len(b))


print(crc_of(b"123456789"))
print(crc_of(b""))
