# ints as machine words (mp_int_t on a 32-bit port), hex/oct/bin, bytes formatting and other
# reference behaviours found by differential fuzzing against the MicroPython VM


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


# a big int where a machine word is wanted: OverflowError (|v| must be below 2**31)
for f in (
    lambda: [1, 2][2**40],
    lambda: [1, 2][2**40:],
    lambda: "abc".find("b", 2**40),
    lambda: "abc".count("b", 2**70),
    lambda: "ab".rsplit("a", -0x80000000),
    lambda: b"abc".find(2**40),
    lambda: b"abc".find(98),
    lambda: b"abc".find(256),
    lambda: b"abc".find(b"b", "x"),
    lambda: "abc".find("b", 1.5),
    lambda: 1 >> 2**70,
    lambda: -0x80000000 >> 2**40,
    lambda: 1 << 2**40,
    lambda: 2**70 << -(2**40),
    lambda: 5 >> 0x7FFFFFFF,
    lambda: range(10, 0, -3)[::0x7FFFFFFF],
    lambda: range(0, 2**30, 2**29)[::4],
):
    t(f)
# hex and oct are '%#x' % x and '%#o' % x; bin is '{:#b}'.format(x)
for v in ({}, "a", None, 1.5, (1,), (None, 2), (3, 4), (), True, 2**70, 0x7FFFFFFF):
    for f in (hex, oct, bin):
        t(lambda: f(v))
# bytes patterns format to bytes, bytearray ones to bytearray
print(b"a{}b".format(1, 2), b"{!r}".format("x"), bytearray(b"a{}").format(1), b"%s-%d" % (b"x", 3))
# divmod: __divmod__, and its own error
t(lambda: divmod("a", 1))


class D:
    def __divmod__(self, o):
        return ("dm", o)


print(divmod(D(), 3))
t(lambda: divmod(3, D()))
# unhashable built-ins
for v in (range(3), bytearray(b"a"), [1], {1: 2}, {1}):
    t(lambda: hash(v))
# list.insert with a non-small-int index appends
l = [1, 2, 3]
l.insert(2**70, "x")
l.insert(True, "y")
print(l)
# requests no heap can hold: MemoryError with the reference's byte count
for f in (
    lambda: bytearray(-1),
    lambda: bytes(-1),
    lambda: "ab".center(-3),
    lambda: bytes(0x3FFFFFFF),
    lambda: bytearray(0x7FFFFFFF),
    lambda: bytearray(2**40),
    lambda: b"a" * 0x7FFFFFFF,
    lambda: "ab" * 0x3FFFFFFF,
    lambda: [1] * 0x3FFFFFFF,
    lambda: [1, 2] * 0x1000000,
):
    t(f)
# constructors and builtins
for f in (
    lambda: bytearray("abc", None),
    lambda: bytearray("abc", {}, 5),
    lambda: bytearray("abc"),
    lambda: bytes(b"x", range(3)),
    lambda: bytes("x", None),
    lambda: list(map()),
    lambda: list(map(abs)),
    lambda: round(True),
    lambda: round(True, 1),
    lambda: round(False, -1),
    lambda: round(1.0, 0x7FFFFFFF),
    lambda: round(1e10, 305),
    lambda: int.from_bytes("abc", "little"),
    lambda: ord(bytearray(b"a")),
    lambda: min("bca", key=None),
    lambda: sorted([3, 1], key=None),
    lambda: type(None, [], None),
    lambda: type((), 100, -2),
    lambda: isinstance(1, (None, [], int)),
    lambda: isinstance(1, ((int,),)),
    lambda: True in 0,
    lambda: 5 in 0,
    lambda: print("x", sep=None),
):
    t(f)
print("x", "y", sep=b"-", end=b"!\n")
