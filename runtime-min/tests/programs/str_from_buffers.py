# str(buffer, encoding[, errors]) decodes any object with the buffer protocol (bytes,
# bytearray, array, memoryview) from a snapshot of its bytes.
import array

print(str(memoryview(b"hello"), "utf-8"))
print(str(memoryview(b"hello world")[2:7], "utf-8"))
print(str(bytearray(b"abc"), "utf-8"))
a = array.array("B", b"array \xc3\xbcnicode \xf0\x9f\x90\x8d target!")
s = str(a, "utf-8")
b = bytes(a)
a[0] = ord("X")
print(s, len(s))
print(b)
print(str(a, "utf-8"))
mv = memoryview(bytearray(b"view \xc3\xb6ver"))
t = str(mv, "utf-8")
mv[0] = ord("V")
print(t, str(mv, "utf-8"))
for src in (memoryview(b"\xff"), array.array("B", b"a\xffb\x80c"), memoryview(b"x\xc3\x28y")):
    try:
        str(src, "utf-8")
    except UnicodeError:
        print("UnicodeError")
    print(repr(str(src, "utf-8", "replace")), repr(str(src, "utf-8", "ignore")))
print(repr(str(array.array("h", [0x4241, 0x4443]), "utf-8")))
print(repr(str(memoryview(b"ascii"), "ascii")))
for bad in (5, [1, 2], None):
    try:
        str(bad, "utf-8")
    except TypeError as e:
        print("TypeError", e)
