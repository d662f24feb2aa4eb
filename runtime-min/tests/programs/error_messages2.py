# Error types and messages of common mistakes, as MicroPython words them.
tests = [
    lambda: chr(-1),
    lambda: chr(0x110000),
    lambda: ",".join(["a", 1]),
    lambda: b",".join([b"a", "b"]),
    lambda: [1, 2, 3][::0],
    lambda: max([]),
    lambda: min(()),
    lambda: max([], default="d"),
    lambda: "%d" % "s",
    lambda: "%x" % 1.5,
    lambda: "%d" % 2.9,
    lambda: "%i|%u" % (-3.5, 7.9),
    lambda: bytes("text"),
    lambda: bytearray("text"),
    lambda: bytes("text", "utf-8"),
    lambda: bytes(-1),
    lambda: bytes(3),
]
for t in tests:
    try:
        print(repr(t()))
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
