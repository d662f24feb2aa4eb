# struct's 'e' (binary16) format: rounding, subnormals, overflow, specials
import struct

values = [0.0, -0.0, 1.0, 1.5, -2.0, 0.1, 1 / 3, 65504.0, 65519.0, 65520.0, 1e5,
          6e-5, 6e-8, 3e-8, 1e-9, 2049.0, 2051.0, 1024.5, float("inf"), float("-inf")]
for v in values:
    little = struct.pack("<e", v)
    big = struct.pack(">e", v)
    print(v, little, big, struct.unpack("<e", little)[0], struct.unpack(">e", big)[0])
nan = struct.unpack("<e", struct.pack("<e", float("nan")))[0]
print(nan != nan)
print(struct.calcsize("e"), struct.calcsize("<3e"), struct.calcsize("@be"), struct.calcsize("@bed"))
print(struct.pack("<eHe", 0.5, 7, -0.25))
print(struct.unpack("<2e", b"\x00<\x00\xbc"))
for bad in ("x", None):
    try:
        struct.pack("<e", bad)
    except TypeError as e:
        print("TypeError", e)
