# The exception types and messages MicroPython gives for common mistakes, and str/bytes
# conversions with encodings.
def f(a=1):
    return a


def check(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__, e)


check("max empty", lambda: max([]))
check("min empty", lambda: min(()))
check("%d str", lambda: "%d" % "a")
check("%x float", lambda: "%x" % 1.5)
check("%d float", lambda: "%d" % 7.9)
check("%(a)s", lambda: "%(a)s" % 5)
check("dict seq", lambda: dict([(1,)]))
check("range float", lambda: range(1.5))
check("slice float", lambda: [1, 2][1.5:])
check("hex float", lambda: hex(1.5))
check("bin float", lambda: bin(1.5))
check("oct str", lambda: oct("x"))
check("index float", lambda: "abc".index("a", 1.5))
check("chr -1", lambda: chr(-1))
check("chr surrogate", lambda: chr(0xD800))
check("format q", lambda: "{:q}".format(1))
check("format q str", lambda: "{:q}".format("s"))
check("print end", lambda: print(end=5))
check("print sep", lambda: print(1, 2, sep=5))
check("kwargs key", lambda: f(**{1: 2}))
check("from_bytes int", lambda: int.from_bytes(5, "big"))
check("pow mod 0", lambda: pow(2, 3, 0))
check("join int", lambda: ",".join([1]))
check("join bytes", lambda: b",".join(["a"]))
check("real", lambda: (1).real)
check("imag", lambda: (1.5).imag)
check("UnicodeError", lambda: UnicodeError.__name__)
ba = bytearray(b"abc")


def store():
    ba[0] = 256
    ba[1] = -1
    ba.append(300)
    return ba


def delete():
    del ba[1]


check("bytearray store", store)
check("bytearray delete", delete)
check("bytearray range", lambda: bytearray([256, -1, 511]))
check("bytes range", lambda: bytes([256]))
for args in ((b"abc",), (b"abc", "ascii"), (b"caf\xc3\xa9", "utf8"), (b"caf\xc3\xa9", "ascii"), (b"\xff\xfe", "utf-8"),
             (b"a\xffb\xc3", "utf-8", "ignore"), (b"a\xffb\xc3", "utf-8", "replace"), (b"a\xe9b", "ascii", "replace"),
             (b"\xc0\x80\xed\xa0\x80", "utf-8"), (b"ok", "latin-1"), (b"\xe2\x82", "utf-8", "replace"), ("already", "utf-8")):
    check("str%r" % (args,), lambda: str(*args))
for s, enc in (("abc", "utf-8"), ("caf\u00e9", "ascii"), ("caf\u00e9", "utf8"), ("x", "cp1252")):
    check("encode %r %s" % (s, enc), lambda: (s.encode(enc), bytes(s, enc), bytearray(s, enc)))
check("bytes no encoding", lambda: bytes("abc"))
for args in ((1, 2), (1, 2, 3)):
    check("dict%r" % (args,), lambda: dict(*args))
