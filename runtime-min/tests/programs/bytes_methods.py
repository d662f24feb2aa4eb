# bytes / bytearray methods, including long data (no fixed-size buffers).
ba = bytearray()
ba.extend(b"x" * 1000)
ba.extend(bytearray(b"yz" * 300))
ba.extend([1, 2, 3])
ba.extend(range(65, 70))
ba.extend(ba[:10])
print(len(ba), ba[995:1010], ba[-20:])
try:
    ba.extend([256, -1])
except ValueError as e:
    print("ValueError", e)
h = bytes(range(256)).hex() * 3
print(len(bytes.fromhex(h)), bytes.fromhex(h)[250:260], bytes.fromhex("01 ff\n 7e"))
big = "ab" * 400 + "needle" + "cd" * 300
needle = "ab" * 300 + "needle"
print(big.find(needle), big.count(needle), big.rfind("cd" * 200), big.find("cd" * 400))
b = b"hello\x00world hello"
print(b.find(ord("l")), b.rfind(108), b.index(0), b.count(b"o"), b.find(b"lo", 4))
try:
    b.count(111)
except TypeError as e:
    print("TypeError", e)
try:
    b.find(300)
except ValueError as e:
    print("ValueError", e)
r = bytearray(b"  a,b,,c  ")
for res in (r.strip(), r.split(b","), r.rsplit(b",", 1), r.replace(b",", b";"), r.upper(),
            r.partition(b","), r.find(b"b"), r.hex(), r.hex(":"), r.startswith(b"  a"),
            r.lstrip(b" a"), r.count(b","), r.isspace(), bytearray(b"-").join([b"a", b"b"])):
    print(type(res).__name__, res)
print(b"\x01\xab".hex("-"), bytes().hex(), b"abc".center(9), b"ab".center(7, b"*"))
for s in (" \v\f x \t\r\n", "\x0b", "a\x0bb\x0cc"):
    print(repr(s.strip()), s.split(), s.isspace(), int(" \x0b 12 \x0c"))
try:
    "abc".strip(b"a")
except TypeError as e:
    print("TypeError", e)
s = {1, 2, 3, 4}
print(sorted(s.difference()), sorted(s.difference({1}, [2])), s.difference_update(), sorted(s))
s.difference_update({1}, [2, 3])
print(s, list(enumerate(iterable="ab", start=3)), list(enumerate("xy", start=-1)))
b=bytearray(b"ab")
b[0]=300
b[1]=-1
print(b)
