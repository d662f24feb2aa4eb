# refusals MicroPython makes: str()/bytes() keywords, attributes on built-in instances, bytearray slice from a list
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: str(b"abc", encoding="utf8"))
t(lambda: str(object=1))
t(lambda: str(b"x", "utf8", errors="strict"))
t(lambda: bytes(3, x=1))
t(lambda: bytearray(b"a", encoding="x"))
t(lambda: int("5", base=10))
t(lambda: float(x=1))
t(lambda: list(iterable=[1]))
def s1():
    e = ValueError("v"); e.extra = 1; return e.extra
def s2():
    o = object(); o.x = 1
def s3():
    e = KeyError(); del e.x
class E(Exception):
    pass
def s4():
    e = E(); e.code = 3; return e.code
def s5():
    e = OSError(2); return e.errno
t(s1); t(s2); t(s3); t(s4); t(s5)
try:
    raise ValueError("x")
except ValueError as err:
    t(lambda: setattr(err, "y", 1))
def bs():
    b = bytearray(4)
    b[0:1] = [1, 2]
    return b
t(bs)
def bs2():
    b = bytearray(4)
    b[0:1] = b"xy"
    return b
t(bs2)
