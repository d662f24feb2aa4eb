# pow with modulus, round of ints, int parsing, to_bytes range checks, range slices, hashing.
for x, y, m in ((3, 4, 7), (3, 4, -5), (-3, 5, 7), (2, 100, 10**9 + 7), (2**80 + 1, 3, 2**70),
                (7, 0, 1), (5, 3, -1), (-(2**65), 3, 97), (12345, 2**65, 1000)):
    print(pow(x, y, m), pow(x, y, None) if y < 200 else 0)
for bad in ((2, 3, 0), (2.0, 3, 5)):
    try:
        pow(*bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__)
for v in (0, 5, 15, 25, -25, 1234567, 2**70, -(2**70)):
    print(round(v), round(v, -1), round(v, -2), round(v, 2), round(v, -30))
for s, b in (("0x1f", 0), ("0o17", 0), ("0b101", 0), ("00", 0), ("1_000", 0), (" -42 ", 10),
             ("z", 36), ("7" * 60, 10), ("1" * 500, 2), ("\t12\x0b", 10)):
    print(int(s, b))
for s, b in (("01", 0), ("123", 37), ("12", 1), ("1__0", 10), ("", 10), ("0x", 16), ("9", 8)):
    try:
        print(int(s, b))
    except ValueError as e:
        print("ValueError", e)
for args in ((255, 1, "big"), (256, 1, "big"), (-1, 1, "little"), (-128, 1, "big", True),
             (-129, 1, "big", True), (127, 1, "big", True), (128, 1, "big", True), (0, 0, "big"),
             (1, 0, "big"), (2**70, 9, "little"), (2**70, 8, "little"), (-(2**63), 8, "big", True)):
    try:
        print(args[0].to_bytes(args[1], args[2], signed=len(args) > 3))
    except OverflowError as e:
        print("OverflowError", e)
try:
    (1).to_bytes(-1, "big")
except ValueError:
    print("ValueError")
for r in (range(4), range(1, 10, 3), range(10, 0, -2), range(1, 100, 5)):
    print(r[1:], r[::2], r[1:-1:2], r[::-1], r[5:15:3], r[15:5:-3], r[:0])
print(hash(True), hash(5), hash((1, 2)) == hash((1, 2)), hash(2**40) == hash(2**40))
for o in ({}.keys(), {}.items(), [1], {1: 2}, {1}, bytearray(b"a")):
    try:
        hash(o)
        print("hashable")
    except TypeError:
        print("TypeError")
print(type(hash({}.values())))


class Eq:
    def __eq__(self, o):
        return True


class H:
    def __init__(self, h):
        self.h = h

    def __hash__(self):
        return self.h


for o in (Eq(), H(None), H(True), H(7), H(2**70)):
    try:
        print(hash(o) == hash(o.h) if isinstance(o, H) else hash(o))
    except TypeError:
        print("TypeError")
d = {}
print(bool(d.keys()), bool(d.values()), bool(d.items()), len(d.items()))
d[1] = 2
print(bool(d.keys()), bool(d.values()), bool(d.items()))
