# Objects whose built-in type keeps internal state (a stream's buffer, a hash's state, a
# deque's ring, stdio's file descriptor) have no value semantics of that state: truth, len,
# ==, hashing, operators and printing see the object (an empty StringIO is true, two equal
# buffers are different streams), while a deque keeps its len, truth, `in`, iteration and
# subscripts.
import io, sys, re, select, weakref, array, hashlib
from collections import deque, OrderedDict


class C:
    pass


c = C()
objs = [
    ("StringIO", io.StringIO()),
    ("StringIO2", io.StringIO("ab\ncd\n")),
    ("BytesIO", io.BytesIO(b"ab")),
    ("deque", deque((), 3)),
    ("deque2", deque((1, 2), 3)),
    ("sha", hashlib.sha256()),
    ("re", re.compile("a")),
    ("match", re.match("a", "a")),
    ("poll", select.poll()),
    ("code", compile("1", "f", "eval")),
    ("ref", weakref.ref(c)),
    ("fin", weakref.finalize(c, print)),
    ("array", array.array("i", [1])),
    ("odict", OrderedDict()),
]
probes = (
    bool,
    len,
    lambda x: x == x,
    lambda x: hash(x) == hash(x),
    lambda x: x + x,
    lambda x: 1 in x,
    lambda x: "ab\n" in x,
    lambda x: list(iter(x)),
    lambda x: x[0],
    lambda x: x < x,
    lambda x: x * 2,
)
for name, o in objs:
    res = [name]
    for f in probes:
        try:
            r = f(o)
            res.append(repr(r)[:12] if not isinstance(r, (int, bool)) else r)
        except Exception as e:
            res.append(type(e).__name__)
    print(*res)

# stdio objects: truth, len, ==, hash and operators (not reading them)
for name, o in (("stdout", sys.stdout), ("stdin", sys.stdin), ("stdinbuf", sys.stdin.buffer)):
    res = [name]
    for f in probes[:5] + probes[8:]:
        try:
            res.append(f(o))
        except Exception as e:
            res.append(type(e).__name__)
    print(*res)

a = io.StringIO("x")
b = io.StringIO("x")
print(a == b, a != b, a == a, str(a)[:12], repr(io.BytesIO())[:11])
d = deque((1, 2), 5)
print(d == deque((1, 2), 5), d == d, list(d), str(d), repr(d))
try:
    hash(d)
except TypeError as e:
    print("TypeError", e)


class D(deque):
    pass


class S(io.StringIO):
    pass


dd = D((7,), 2)
print(repr(dd)[:10], len(dd), bool(dd), dd[0], 7 in dd)
s = S()
print(bool(s), s == S())
s.write("q")
print(s.getvalue(), bool(s))
try:
    len(s)
except TypeError as e:
    print("TypeError", e)
print("%s" % "no-tuple", io.StringIO() and "stream is true")
h = hashlib.sha256(b"x")
print(h == hashlib.sha256(b"x"), h == h, repr(h))
