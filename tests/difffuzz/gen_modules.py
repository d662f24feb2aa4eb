"""Random calls into the library modules everyday programs use, for differential runtime
testing: json (dumps of random nested data with separators, loads of valid and mangled text),
collections (deque with maxlen, OrderedDict, namedtuple), heapq, io.StringIO/BytesIO
(write/read/readline/seek/tell/getvalue), binascii, math over awkward arguments, random with
a seed, and sorted/min/max with key and reverse. usage: gen_modules.py SEED [CASES]"""
import random
import sys

from fuzzlib import CASE_PRINTER

R = random.Random(int(sys.argv[1]))
N = int(sys.argv[2]) if len(sys.argv) > 2 else 200


def scalar():
    return R.choice(["0", "1", "-7", "2.5", "1e100", "-0.0", "True", "False", "None", "'s'",
                     "'é\"\\\\'", "''", "12345678901234567890", "float('inf')", "float('nan')"])


def data(depth=0):
    r = R.random()
    if depth > 2 or r < 0.4:
        return scalar()
    if r < 0.7:
        return "[%s]" % ", ".join(data(depth + 1) for _ in range(R.randint(0, 3)))
    if r < 0.9:
        return "{%s}" % ", ".join("%r: %s" % (R.choice(["a", "b", "k", "1", ""]), data(depth + 1))
                                  for _ in range(R.randint(0, 3)))
    return "(%s,)" % data(depth + 1)


def json_text():
    t = R.choice(['{"a": [1, 2.5, null, true, "x\\\\n\\\\u00e9"]}', '[1, 2, 3]', '"s"', '  12 ',
                  '{"a": {"b": [], "c": {}}}', '[1,]', '{"a" 1}', '[1 2]', 'nul', '1e5', '-0',
                  '"\\\\ud83d"', '[', '', '{"a": 1}}', '  [ 1 , "b" ]  ', '0x10', '[.5]', 'tru'])
    return repr(t)


def case():
    r = R.random()
    if r < 0.2:
        sep = R.choice(["", ", separators=(',', ':')", ", separators=(', ', ': ')"])
        return "json.dumps(%s%s)" % (data(), sep)
    if r < 0.3:
        return "json.loads(%s)" % json_text()
    if r < 0.42:
        ops = []
        for _ in range(R.randint(1, 6)):
            ops.append(R.choice(["d.append(%d)" % R.randint(0, 9), "d.appendleft(%d)" % R.randint(0, 9),
                                 "d.pop()", "d.popleft()", "d.extend([1, 2])", "len(d)", "list(d)",
                                 "d[0]", "d[-1]", "d[5]", "bool(d)"]))
        return "(lambda d: [%s, list(d)])(collections.deque(%s, %d))" % (
            ", ".join(ops), R.choice(["()", "[1, 2, 3]", "range(5)"]), R.randint(1, 4))
    if r < 0.5:
        ops = []
        for _ in range(R.randint(1, 5)):
            k = R.choice("abc")
            ops.append(R.choice(["o.__setitem__(%r, 1)" % k, "o.pop(%r, None)" % k, "list(o)",
                                 "o.popitem()", "o.get(%r)" % k, "list(o.items())",
                                 "o.move_to_end(%r) if hasattr(o, 'move_to_end') else 0" % k]))
        return "(lambda o: [%s, o])(collections.OrderedDict([('b', 1), ('a', 2)]))" % ", ".join(ops)
    if r < 0.57:
        return R.choice([
            "P(1, 2)", "P(1, y=2).y", "P(x=1, y=2)._asdict() if hasattr(P, '_asdict') else 0",
            "P(1, 2)._replace(x=5)", "P(1)", "P(1, 2, 3)", "P(1, 2) == (1, 2)",
            "P(1, 2)[1]", "list(P(3, 4))", "P(*range(2))", "hash(P(1, 2)) == hash((1, 2))",
        ])
    if r < 0.65:
        vals = [R.randint(-5, 20) for _ in range(R.randint(0, 7))]
        return R.choice([
            "(lambda h: (heapq.heapify(h), h)[1])(%r)" % vals,
            "(lambda h: [heapq.heappop(h) for _ in range(len(h))])(sorted(%r))" % vals,
            "(lambda h: (heapq.heappush(h, 3), heapq.heappush(h, -1), h)[2])(%r)" % sorted(vals),
            "heapq.heappop([])",
        ])
    if r < 0.75:
        cls = R.choice(["io.StringIO", "io.BytesIO"])
        lit = "'ab\\ncd\\n\\nef'" if cls == "io.StringIO" else "b'ab\\ncd\\n\\nef'"
        ops = []
        for _ in range(R.randint(1, 5)):
            ops.append(R.choice(["s.read(%d)" % R.randint(-1, 4), "s.readline()", "s.tell()",
                                 "s.seek(%d)" % R.randint(0, 6), "s.getvalue()",
                                 "s.write(%s)" % (lit if R.random() < 0.8 else "1"), "list(s)",
                                 "s.read()", "s.seek(0, 2) if 1 else 0"]))
        return "(lambda s: [%s])(%s(%s))" % (", ".join(ops), cls, lit if R.random() < 0.7 else "")
    if r < 0.82:
        # (Only what the C module and the WebAssembly VM's micropython-lib binascii.py agree
        # on: they differ on str arguments and on bad padding, see the README.)
        b = R.choice(["b''", "b'abc'", "b'\\x00\\xff'", "bytearray(b'12')"])
        return R.choice([
            "binascii.hexlify(%s)" % b, "binascii.hexlify(%s, '-')" % b, "binascii.unhexlify(%s)" % R.choice(["b'616263'", "'6162'", "b'6'", "b'zz'"]),
            "binascii.b2a_base64(%s)" % b, "binascii.b2a_base64(%s, newline=False)" % b,
            "binascii.a2b_base64(%s)" % R.choice(["b'YWJj'", "b'YQ=='", "b'Y\\nQ=='"]),
            "binascii.crc32(%s)" % b, "binascii.crc32(%s, 123)" % b,
        ])
    if r < 0.9:
        x = R.choice(["0", "-1", "0.5", "1e308", "-1e-310", "float('inf')", "float('nan')", "3", "-2.5", "10**20"])
        f = R.choice(["sqrt", "exp", "log", "log10", "log2", "floor", "ceil", "trunc", "fabs", "sin",
                      "cos", "tan", "atan", "asin", "acos", "sinh", "tanh", "erf", "gamma", "lgamma",
                      "isfinite", "isnan", "frexp", "modf", "degrees", "expm1", "log1p"])
        if R.random() < 0.3:
            return "math.%s(%s, %s)" % (R.choice(["pow", "atan2", "fmod", "copysign", "ldexp", "log", "isclose"]), x,
                                        R.choice(["2", "-0.0", "0.5", "float('inf')", "3"]))
        return "math.%s(%s)" % (f, x)
    if r < 0.95:
        s = R.randint(0, 5)
        return R.choice([
            "(random.seed(%d), [random.getrandbits(%d) for _ in range(3)])[1]" % (s, R.choice([1, 8, 16, 30, 32])),
            "(random.seed(%d), [random.randrange(%d) for _ in range(3)])[1]" % (s, R.randint(1, 100)),
            "(random.seed(%d), [random.randint(-3, 3) for _ in range(3)])[1]" % s,
            "(random.seed(%d), random.choice('abcdef'))[1]" % s,
            "(random.seed(%d), random.random())[1]" % s,
            "(random.seed(%d), random.uniform(1, 2))[1]" % s,
            "random.randrange(0)", "random.getrandbits(0)", "random.choice([])",
        ])
    items = "[%s]" % ", ".join(R.choice(["3", "-1", "'b'", "'a'", "2.5", "(1, 2)", "[0]"]) for _ in range(R.randint(0, 5)))
    return R.choice([
        "sorted(%s)" % items, "sorted(%s, reverse=True)" % items, "sorted(%s, key=str)" % items,
        "min(%s)" % items, "max(%s, key=repr)" % items, "min(%s, default='d')" % items,
        "sorted(%s, key=lambda v: -len(str(v)))" % items,
    ])


PRE = """import binascii, collections, heapq, io, json, math, random

P = collections.namedtuple("P", ["x", "y"])

""" + CASE_PRINTER

print(PRE)
for _ in range(N):
    print("t(lambda: %s)" % case())
