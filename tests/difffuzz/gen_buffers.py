"""Random binary-data operations for differential runtime testing, the code of sensor drivers
and protocols: struct.pack/unpack/pack_into/unpack_from/calcsize with random formats (byte
orders, counts, every type code) and values (in and out of range), array.array of every
type code (construction, indexing, slicing, append/extend, bytes()), memoryview slicing and
item assignment, bytearray mutation, int.to_bytes/from_bytes, and the errors.
usage: gen_buffers.py SEED [CASES]"""
import random
import sys

from fuzzlib import CASE_PRINTER

R = random.Random(int(sys.argv[1]))
N = int(sys.argv[2]) if len(sys.argv) > 2 else 200
CODES = "bBhHiIlLqQ?xsPf" + "d"
ARRAY_CODES = "bBhHiIlLqQfd"


def value(code):
    r = R.random()
    if code in "fd":
        return R.choice(["1.5", "-0.25", "3.0e38", "1e-40", "0.0", "7", "float('inf')"])
    if code == "?":
        return R.choice(["True", "False", "0", "2", "None"])
    if code == "s":
        return R.choice(["b'ab'", "b''", "b'abcdef'", "'str'"])
    if r < 0.7:
        return str(R.choice([0, 1, -1, 127, 128, 255, 256, -128, -129, 32767, 65535, 65536,
                             2**31 - 1, 2**31, -2**31, 2**32 - 1, 2**32, 2**63 - 1, -2**63, 2**64]))
    return R.choice(["1.0", "'x'", "None"])


def fmt():
    order = R.choice(["", "<", ">", "!", "=", "@"])
    items = []
    for _ in range(R.randint(1, 4)):
        code = R.choice(CODES)
        count = R.choice(["", "", "", "2", "3", "0"])
        items.append((count, code))
    return order, items


def pack_case():
    order, items = fmt()
    f = order + "".join(c + k for c, k in items)
    vals = []
    for count, code in items:
        if code == "x":
            continue
        if code == "s":
            vals.append(value("s"))
            continue
        n = int(count) if count else 1
        vals.extend(value(code) for _ in range(n))
    if R.random() < 0.1 and vals:
        vals.pop()
    op = R.random()
    if op < 0.5:
        return "struct.pack(%r, %s)" % (f, ", ".join(vals))
    if op < 0.7:
        return "struct.calcsize(%r)" % f
    if op < 0.85:
        return "rt(%r, (%s))" % (f, ", ".join(vals) + ("," if len(vals) == 1 else ""))
    return "pin(%r, %d, (%s))" % (f, R.randint(-3, 6), ", ".join(vals) + ("," if len(vals) == 1 else ""))


def array_case():
    code = R.choice(ARRAY_CODES)
    init = "[%s]" % ", ".join(value(code) if code in "fd" else str(R.randint(-3, 300)) for _ in range(R.randint(0, 5)))
    a = "array.array(%r, %s)" % (code, init if R.random() < 0.8 else "b'abcdefgh'")
    op = R.choice([
        "list(a)", "a[1]", "a[-1]", "a[1:3]", "a[::-1] if 0 else a[:]", "bytes(a)", "len(a)",
        "(a.append(5), a)[1]", "(a.extend([1, 2]), a)[1]", "(a.extend(a), a)[1]", "a + a",
        "a == array.array(%r, list(a))" % code, "(a.__setitem__(0, 7), a)[1]", "a.itemsize if hasattr(a, 'itemsize') else 0",
        "memoryview(a)[1]", "list(memoryview(a)[1:])", "a.decode() if hasattr(a, 'decode') else 0",
        "(a.__setitem__(slice(0, 1), array.array(%r, [9])), a)[1]" % code, "a * 2 if 0 else sum(a)",
    ])
    return "(lambda a: %s)(%s)" % (op, a)


def memoryview_case():
    data = "bytearray(b'%s')" % "".join(R.choice("abcdef0123") for _ in range(R.randint(0, 8)))
    op = R.choice([
        "bytes(m[1:4])", "m[0]", "m[-1]", "len(m[::1])", "(m.__setitem__(0, 65), bytes(b))[1]",
        "(m.__setitem__(slice(1, 3), b'XY'), bytes(b))[1]", "(m.__setitem__(slice(1, 3), b'XYZ'), bytes(b))[1]",
        "bytes(m[2:][1:3])", "m.tobytes() if hasattr(m, 'tobytes') else 0", "list(m)", "m[1:3] == b'bc'",
        "(m.__setitem__(0, 256), 1)[1]", "bytes(memoryview(b'abc')[1:])", "(memoryview(b'abc').__setitem__(0, 1), 1)[1]",
    ])
    return "(lambda b: (lambda m: %s)(memoryview(b)))(%s)" % (op, data)


def bytearray_case():
    data = "bytearray(b'%s')" % "".join(R.choice("abc01 ") for _ in range(R.randint(0, 8)))
    op = R.choice([
        "(b.append(300), b)[1]", "(b.append(65), b)[1]", "(b.extend(b'xy'), b)[1]", "(b.extend([1, 2]), b)[1]",
        "(b.__setitem__(slice(0, 2), b''), b)[1]", "(b.__setitem__(slice(1, 1), b'ZZ'), b)[1]",
        "(b.__delitem__(0), b)[1]", "(b.__delitem__(slice(0, 2)), b)[1]", "b.pop() if hasattr(b, 'pop') else 0",
        "(b.insert(1, 66), b)[1] if hasattr(b, 'insert') else 0", "b + b'!'", "b * 2", "b.find(b'a')",
        "b.replace(b'a', b'AA')", "bytes(b)", "b.decode()", "b.hex()", "b[::-1]", "(b.reverse(), b)[1] if hasattr(b, 'reverse') else 0",
        "(b.__iadd__(b'++'), b)[1]", "b == bytes(b)", "b.split(b' ')", "b.strip()", "bytearray(3)", "bytearray([1, 2, 255])",
        "bytearray([256])",
    ])
    return "(lambda b: %s)(%s)" % (op, data)


def int_bytes_case():
    v = value("i") if R.random() < 0.8 else str(R.randint(-70000, 70000))
    n = R.randint(0, 9)
    order = R.choice(["'little'", "'big'"])
    if R.random() < 0.5:
        signed = R.choice(["", ", True", ", False"])
        return "(%s).to_bytes(%d, %s%s)" % (v, n, order, signed)
    data = "b'%s'" % "".join("\\x%02x" % R.randint(0, 255) for _ in range(n))
    return "int.from_bytes(%s, %s%s)" % (data, order, R.choice(["", ", True"]))


PRE = """import struct, array

""" + CASE_PRINTER + """


def rt(f, vals):
    return struct.unpack(f, struct.pack(f, *vals))


def pin(f, off, vals):
    buf = bytearray(struct.calcsize(f) + 4)
    struct.pack_into(f, buf, off, *vals)
    return bytes(buf), struct.unpack_from(f, buf, off)
"""

print(PRE)
for _ in range(N):
    r = R.random()
    if r < 0.4:
        code = pack_case()
    elif r < 0.6:
        code = array_case()
    elif r < 0.72:
        code = memoryview_case()
    elif r < 0.88:
        code = bytearray_case()
    else:
        code = int_bytes_case()
    print("t(lambda: %s)" % code)
