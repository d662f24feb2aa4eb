# Differential-fuzzing regressions: str/bytes/bytearray methods, operators and containment.


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


# split/rsplit take no keywords; rsplit(None, n) is not implemented; strip(None) is a TypeError
t(lambda: "a b".split(maxsplit=1))
t(lambda: "a b".rsplit(None, 1))
t(lambda: "a b c".rsplit(None, -1))
t(lambda: " a ".strip(None))
t(lambda: b" a ".strip(None))
# bytes and bytearray take a str through the buffer protocol; == str/bytes is False
t(lambda: b"ab" + "c")
t(lambda: bytearray(b"ab") + "c")
t(lambda: bytearray(b"ab") + 1)
t(lambda: b"ab" < "b")
t(lambda: b"ab" == "ab")
t(lambda: bytearray(b"ab") == "ab")
t(lambda: "ab" == bytearray(b"ab"))
t(lambda: bytearray(b"a") < 5)
t(lambda: bytearray(b"ab") * 2)
t(lambda: [1] * [2])
# containment: bytes walks its items for a non-buffer, bytearray refuses numbers
t(lambda: 97 in b"abc")
t(lambda: 97.0 in b"abc")
t(lambda: [1] in b"abc")
t(lambda: "b" in b"abc")
t(lambda: "b" in bytearray(b"abc"))
t(lambda: 5 in bytearray(b"\x05"))
t(lambda: True in bytearray(b"\x01"))
t(lambda: "." in False)
# dicts whose keys are all interned strs don't hash a foreign key
t(lambda: [1] in {"a": 1})
t(lambda: {"a": 1}.get([1]))
t(lambda: [1] in {1: 1})
# str slicing needs step 1 (checked before the bounds)
t(lambda: "abc"[::0])
t(lambda: "abc"[::2])
t(lambda: "abc"[None:])
# empty prefix/suffix in an empty range
t(lambda: "ab".startswith("", 16, 0))
t(lambda: "ab".endswith("", 5, -7))
# bytes.fromhex: pairs of digits, whitespace only between pairs
t(lambda: bytes.fromhex("0a 1B"))
t(lambda: bytes.fromhex("abc"))
t(lambda: bytes.fromhex("a b"))
t(lambda: bytes.fromhex("zz"))
t(lambda: bytes.fromhex(b"ab"))
# bytes()/bytearray() items; ord needs str/bytes
t(lambda: bytes([1, 255]))
t(lambda: bytes([256]))
t(lambda: bytes([2**70]))
t(lambda: bytearray([2**70 + 5, -1, 256]))
t(lambda: bytes(True))
t(lambda: ord(3))
t(lambda: str.isdigit(5))
# bool operands are ints in error messages
t(lambda: True >= "a")
t(lambda: b"x" / False)
t(lambda: None + True)
t(lambda: "a" < True)
# sequence comparisons swap operands for < and <=
t(lambda: [63] <= [(), 1])
t(lambda: ("a",) < (0.5, 1))
t(lambda: (1, 2) >= (1,))
t(lambda: [1, 2] < [1, 2])
t(lambda: [1, 2] <= [1, 2])
t(lambda: {} | [(1, 2)])
t(lambda: {} | 0.5)
for o in (reversed("ab"), map(abs, []), filter(None, []), zip(), enumerate([])):
    print(repr(o))
t(lambda: reversed(5))
# str start/end arguments count characters
t(lambda: "aé€bé".index("", -2))
t(lambda: "aé€bé".find("b", 1, 4))
t(lambda: "aé€bé".rfind("é", -3))
t(lambda: "aé€bé".count("é", 2))
t(lambda: "aé€bé".startswith("€", 2))
t(lambda: "aé€bé".endswith("€", 0, 3))
t(lambda: "aé€bé".count("", -3))
# a float with a bool on the right reports the reflected operator
t(lambda: 1.5 | True)
t(lambda: 1.5 | 3)
t(lambda: 1.5 & "a")
# strip leaving nothing gives the empty bytes; an empty bytearray contains nothing
t(lambda: bytearray(b"  ").strip())
t(lambda: bytearray(b" a ").strip())
t(lambda: b"" in bytearray(b""))
t(lambda: b"" in b"")
t(lambda: b"" in bytearray(b"a"))
# bytearray.partition: found parts are bytearrays, missing ones the empty bytes
t(lambda: bytearray(b"a,b").partition(b","))
t(lambda: bytearray(b"ab").partition(b","))
t(lambda: bytearray(b"ab").rpartition(b","))
t(lambda: bytearray(b"").find(b""))
t(lambda: bytearray(b"").index(b""))
t(lambda: bytearray(b"").count(b""))
t(lambda: b"\x91\x93".replace(b"", b"-"))
t(lambda: {"a": 1}[([1],)])
t(lambda: b"a,b".rsplit(",", 1))
t(lambda: "a,b".rsplit(b",", 1))
t(lambda: b"a,b".rsplit(",", -1))
