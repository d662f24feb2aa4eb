# io.StringIO / io.BytesIO: write/read/readline/seek/tell/getvalue, iteration over lines,
# print(file=...), with-blocks and closing.
import io

s = io.StringIO()
print(s.write("alpha\n"), s.write("beta\ngamma"), s.tell(), repr(s.getvalue()))
s.seek(0)
print(repr(s.readline()), repr(s.read(3)), repr(s.read()), repr(s.read()), s.tell())
print([line for line in io.StringIO("one\ntwo\n\nthree")])
s = io.StringIO("hello world")
s.seek(6)
s.write("WORLD!!")
print(s.getvalue(), s.seek(0, 2), s.seek(-3, 1), s.read(), s.seek(20), s.tell())
s.write("x")
print(repr(s.getvalue()))
b = io.BytesIO(b"\x01\x02\x03rest")
print(b.read(2), b.read(1), b.readline(), b.getvalue(), type(b).__name__)
b.seek(0)
b.write(b"AB")
print(b.getvalue(), len(b.getvalue()))
buf = io.StringIO()
print("a", 1, [2], sep="-", end="!\n", file=buf)
print(3.5, file=buf)
print(repr(buf.getvalue()), "StringIO" in repr(buf))
with io.StringIO("ctx") as c:
    print(c.read())
for op in (c.read, c.getvalue, lambda: c.write("z")):
    try:
        op()
    except ValueError as e:
        print("ValueError", e)


class Log(io.StringIO):
    def line(self, t):
        self.write(t + "\n")


log = Log()
log.line("first")
log.line("second")
print(repr(log.getvalue()), isinstance(log, io.StringIO))
big = io.BytesIO()
for i in range(300):
    big.write(bytes([i % 256]) * 3)
print(len(big.getvalue()), big.getvalue()[-4:], big.tell())
