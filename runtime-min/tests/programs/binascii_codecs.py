# binascii: hex and base 64 both ways, crc32 (extmod/modbinascii.c). The WebAssembly VM's
# binascii is micropython-lib's binascii.py over the C module; its errors for bad padding,
# non-buffer arguments and long separators differ from the C module's (which runtime-min
# follows, as boards have it), so those cases are not here.
from binascii import a2b_base64, b2a_base64, crc32, hexlify, unhexlify


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


data = [b"", b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar", bytes(range(256)), bytearray(b"\x00\xff")]
for d in data:
    enc = b2a_base64(d)
    print(enc[:40], len(enc), a2b_base64(enc) == d, b2a_base64(d, newline=False)[-3:], hexlify(d)[:20])
    print(crc32(d), crc32(d, 12345), crc32(d, -1), crc32(d, 2**40 + 7), unhexlify(hexlify(d)) == d)
print(hexlify(b"123", ":"), hexlify("abc"), hexlify(memoryview(b"xyz")[1:]), b2a_base64(b"ab", False))
for f in (
    lambda: a2b_base64(b"Zm9v\nYmFy"),
    lambda: a2b_base64(b"Zg==Zg=="),
    lambda: a2b_base64(b"=Zg=="),
    lambda: a2b_base64(b"!@#$"),
    lambda: unhexlify(b"0g"),
    lambda: unhexlify(b"abc"),
    lambda: unhexlify("41 42"),
    lambda: hexlify(1),
    lambda: crc32("abc"),
    lambda: crc32(b"abc", "x"),
    lambda: crc32(b"a" * 1000, 0xFFFFFFFF),
):
    t(f)
