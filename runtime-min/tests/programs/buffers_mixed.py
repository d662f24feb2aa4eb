# Buffers across types: bytes + array, struct over memoryview slices and arrays, unhashable
# slices (and the slice type cannot be called).
import array
import struct

print(b"123" + array.array("h", [0x1515]), b"\x01\x02" + array.array("b", [1, 2]))
buf = b"0123456789"
print(struct.unpack("h", memoryview(buf)[1:3]), struct.unpack_from("<i", memoryview(buf), 2))
print(struct.unpack("<2h", array.array("h", [7, -8])), struct.unpack(">H", bytearray(b"\x01\x02")))


class Grab:
    def __getitem__(self, k):
        return k


s = Grab()[1:2]
print(s, s.start, s.stop, s.step)
for f in (lambda: {}.__setitem__(s, 3), lambda: hash(s), lambda: {s: 1}, lambda: slice(1, 2)):
    try:
        print(f())
    except TypeError as e:
        print("TypeError", e)
