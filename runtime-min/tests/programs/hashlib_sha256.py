# hashlib.sha256 (extmod/modhashlib.c): update/digest, one digest only, subclassing
import hashlib


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


h = hashlib.sha256(b"abc")
print(type(h), h, hashlib.sha256)
h.update(b"x")
h.update(bytearray(b"y"))
h.update("str")
print(h.digest())
for f in (lambda: h.digest(), lambda: h.update(b"1"), lambda: hashlib.sha256(1),
          lambda: hashlib.sha256(b"a", b"b"), lambda: hashlib.sha256(data=b"a")):
    t(f)
print(hashlib.sha256(b"a" * 1000).digest(), hashlib.sha256(memoryview(b"abcdef")[1:]).digest())
for n in (0, 1, 55, 56, 63, 64, 65, 119, 120, 128):
    print(n, hashlib.sha256(b"q" * n).digest()[:8])


class H(hashlib.sha256):
    def hexdigest(self):
        return "".join("%02x" % b for b in self.digest())


g = H(b"ab")
g.update(b"c")
print(g.hexdigest(), type(g).__name__, isinstance(g, hashlib.sha256))
