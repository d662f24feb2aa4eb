"""Random text-encoding cases for differential runtime testing: repr and str of strings and
bytes with control characters, quotes, backslashes and non-ASCII (escapes, quote choice),
encode/decode (including invalid UTF-8), chr/ord over the whole range, indexing, slicing,
len, find and split on multi-byte text, case methods and the is* predicates on non-ASCII,
str(bytes) and bytes(str). usage: gen_unicode.py SEED [CASES]"""
import random
import sys

from fuzzlib import CASE_PRINTER

R = random.Random(int(sys.argv[1]))
N = int(sys.argv[2]) if len(sys.argv) > 2 else 200
CHARS = ["a", "Z", " ", "'", '"', "\\", "\n", "\t", "\r", "\x00", "\x07", "\x1b", "\x7f", "\x80", "\xa0",
         "é", "ß", "ı", "İ", "Ω", "中", "😀", "\u2028", "\ufeff", "\U0010ffff"]


def text():
    return "".join(R.choice(CHARS) for _ in range(R.randint(0, 6)))


def raw_bytes():
    return bytes(R.choice([0, 7, 10, 34, 39, 65, 92, 127, 128, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0xff])
                 for _ in range(R.randint(0, 6)))


def case():
    s = repr(text())
    b = repr(raw_bytes())
    return R.choice([
        "repr(%s)" % s, "str(%s)" % s, "len(%s)" % s, "repr(%s)" % b, "str(%s)" % b, "%s.decode()" % b,
        "%s.decode('utf-8')" % b, "%s.decode('ascii') if 0 else 1" % b, "%s.encode()" % s, "%s.encode('utf-8')" % s,
        "%s.encode('ascii')" % s, "bytes(%s, 'utf-8')" % s, "str(%s, 'utf-8')" % b, "list(%s)" % s,
        "[ord(c) for c in %s]" % s, "chr(%d)" % R.choice([0, 65, 127, 128, 255, 256, 0xd800, 0xffff, 0x10000, 0x10ffff, 0x110000, -1]),
        "ord(%s)" % repr(R.choice(CHARS + ["", "ab"])), "%s[%d]" % (s, R.randint(-3, 3)), "%s[%d:%d]" % (s, R.randint(-4, 4), R.randint(-4, 6)),
        "%s[::-1]" % s, "%s[::2]" % s, "%s.find(%r)" % (s, R.choice(CHARS)), "%s.split(%r)" % (s, R.choice(CHARS[:8])),
        "%s.upper()" % s, "%s.lower()" % s, "%s.isalpha()" % s, "%s.isspace()" % s, "%s.isdigit()" % s,
        "%s.isupper()" % s, "%s.islower()" % s, "%s.strip()" % s, "%s.center(9, %r)" % (s, R.choice(["*", "é"])),
        "%s < %s" % (s, repr(text())), "%s == %s" % (s, s), "hash(%s) == hash(%s)" % (s, s), "%s.count(%r)" % (s, R.choice(CHARS)),
        "%s.replace(%r, %r)" % (s, R.choice(CHARS), R.choice(CHARS)), "'%%s|%%r' %% (%s, %s)" % (s, s), "'{!r:>12}'.format(%s)" % s,
        "f'{%s!r}'" % s, "%s.startswith(%r)" % (s, R.choice(CHARS)), "%s.index(%r)" % (s, R.choice(CHARS)),
        "%s + %s" % (s, repr(text())), "%s * 2" % s, "%r in %s" % (R.choice(CHARS), s), "bytearray(%s)" % b,
        "%s.hex()" % b, "%s.find(%r)" % (b, bytes([R.choice([0xc3, 65, 0xa9])])), "repr(bytearray(%s))" % b,
        "memoryview(%s).tobytes() if hasattr(memoryview, 'tobytes') else bytes(memoryview(%s))" % (b, b),
    ])


PRE = CASE_PRINTER

print(PRE)
for _ in range(N):
    print("t(lambda: %s)" % case())
