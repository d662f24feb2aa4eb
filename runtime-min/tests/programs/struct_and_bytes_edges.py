# Found by the buffers fuzzer: struct's pointer-size code P, `s` fields from any buffer (str
# included), zero counts that add no alignment, and int.to_bytes / int.from_bytes argument
# rules (objint.c: to_bytes's `signed` is keyword-only; from_bytes takes no keywords and
# ignores a third positional argument).
import array
import struct


def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


t(lambda: struct.calcsize("P"))
t(lambda: struct.pack("@bP", 1, 2))
t(lambda: struct.unpack("<P", b"\x01\x00\x00\x80"))
t(lambda: array.array("P", [1, 2]))
t(lambda: struct.pack("<3s", "ab"))
t(lambda: struct.pack("<2s", memoryview(b"xyz")))
t(lambda: struct.pack("<s", bytearray(b"xy")))
t(lambda: struct.pack("<2s", 5))
t(lambda: struct.calcsize("P0d"))
t(lambda: struct.calcsize("H0d3i0q"))
t(lambda: struct.pack("B0L", 7))
t(lambda: struct.calcsize("b0s"))
t(lambda: struct.pack("b0sb", 1, b"zz", 2))
t(lambda: (5).to_bytes(2, "little", True))
t(lambda: (5).to_bytes(2, "little", signed=True))
t(lambda: (5).to_bytes(2, "little", signed=True, foo=1))
t(lambda: (5).to_bytes())
t(lambda: (-5).to_bytes(2, "big"))
t(lambda: int.from_bytes(b"\xff", "big", True))
t(lambda: int.from_bytes(b"\x01\x02", byteorder="little"))
t(lambda: int.from_bytes(b"\x01\x02"))
t(lambda: int.from_bytes(b"\x01\x02", "little"))
