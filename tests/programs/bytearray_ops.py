ba = bytearray(b"abc")
ba.append(100)
ba.extend(b"ef")
print(ba, len(ba))
ba[0] = 65
print(ba, ba[1], ba[-2:])
ba[1:3] = b"XY"
print(ba)
print(bytes(ba), ba.decode())
b2 = bytearray(4)
print(b2, list(b2))
for i in range(4):
    b2[i] = i * 60
print(b2)
print(bytearray([1, 2]) + bytearray([3]))
