b = b"hello world"
print(b[0], b[-1], b[1:5], b[6:])
print(b.upper(), b.split(), b.replace(b"o", b"0"))
print(b.find(b"wor"), b.count(b"o"), b.startswith(b"he"), b"lo" in b)
print(b + b"!", b * 2, len(b))
print(list(b"abc"), bytes([72, 105]), bytes(3))
print(b.hex() if hasattr(b, "hex") else "n/a", bytes.fromhex("414243"))
print(b"abc" == b"abc", b"abc" < b"abd", b"a" != "a")
