# struct: byte orders, native alignment, counts, strings, padding, pack_into/unpack_from.
import struct

for fmt in ("<HHI", ">bhq", "@bi", "bhi", "<5s2x?" if False else "<5s2x", "!I", "@bdH", "3B", "<qQ", "<fd"):
    print(fmt, struct.calcsize(fmt))
data = struct.pack("<HhI", 0x1234, -2, 0xDEADBEEF)
print(data, struct.unpack("<HhI", data), struct.unpack(">HhI", data))
print(struct.pack(">bBhHiIqQ", -1, 255, -300, 65535, -(2**31), 2**32 - 1, -(2**63), 2**64 - 1))
print(struct.unpack(">bBhHiIqQ", struct.pack(">bBhHiIqQ", -1, 255, -300, 65535, -(2**31), 2**32 - 1, -(2**63), 2**64 - 1)))
print(struct.pack("@bi", 1, 2), struct.pack("@bH", 1, 2), struct.unpack("@bi", struct.pack("@bi", -5, 70000)))
print(struct.pack("<3s", b"abcdef"), struct.pack("<5s", b"ab"), struct.unpack("<2s3x1s", b"xy...z"))
print(struct.pack("<f", 1.5), struct.unpack("<f", struct.pack("<f", 0.1)), struct.unpack(">d", struct.pack(">d", -2.25)))
print(struct.pack("<I", 2**32 + 5), struct.pack("<h", 70000), struct.pack("<B", -1))
print(struct.pack("<HH", 1), struct.pack("<H", 1, 2, 3))
buf = bytearray(12)
struct.pack_into("<HI", buf, 2, 0xAAAA, 0x11223344)
struct.pack_into(">H", buf, -2, 0x0102)
print(buf, struct.unpack_from("<I", buf, 4), struct.unpack_from(">H", buf, -2), struct.unpack_from("<H", b"\x00\x01\x02", 1))
big = bytes(range(200)) * 3
print(struct.unpack_from("<100s", big, 150)[0][-5:], len(struct.pack("300s", big)))
for bad in (lambda: struct.pack("<z", 1), lambda: struct.unpack("<I", b"ab"), lambda: struct.unpack_from("<I", b"abcd", 2),
            lambda: struct.pack_into("<I", bytearray(3), 0, 1), lambda: struct.pack("=I", 1), lambda: struct.pack("<f", "x")):
    try:
        print(bad())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
