# io.IOBase: streams written in Python. print(file=...) and sys.print_exception write
# each piece through `write` (a bytearray); a short write is retried with the rest; a write
# that claims more than it was given is EIO; json.load reads through `readinto`.
import io
import json
import sys


class Recorder(io.IOBase):
    def __init__(self, limit=None):
        self.chunks = []
        self.limit = limit

    def write(self, buf):
        self.chunks.append((type(buf).__name__, bytes(buf)))
        if self.limit is not None:
            return min(self.limit, len(buf))
        return len(buf)


r = Recorder()
print("abc", 12, [1, "x"], sep="--", end="!\n", file=r)
print(r.chunks)
r = Recorder(limit=2)
print("hello", file=r)
print(r.chunks)
r = Recorder()
sys.print_exception(KeyError("k"), r)
print(r.chunks)
print(isinstance(r, io.IOBase), issubclass(Recorder, io.IOBase))


class Liar(io.IOBase):
    def write(self, buf):
        return len(buf) + 1

    def ioctl(self, req, arg):
        print("ioctl", req, arg)
        return 0


class Failing(io.IOBase):
    def write(self, buf):
        return -22

    def ioctl(self, req, arg):
        raise ValueError("from ioctl")


class NoIoctl(io.IOBase):
    def write(self, buf):
        return -5


class Quiet(io.IOBase):
    def write(self, buf):
        return None


for cls in (Liar, Failing, NoIoctl, Quiet):
    try:
        print("abc", file=cls())
        print(cls.__name__, "ok")
    except OSError as e:
        print(cls.__name__, "OSError", e.errno)
    except (ValueError, AttributeError) as e:
        print(cls.__name__, type(e).__name__, e)


class Reader(io.IOBase):
    def __init__(self, data, step=1):
        self.data = data
        self.step = step
        self.calls = 0

    def readinto(self, buf):
        self.calls += 1
        n = min(len(buf), len(self.data), self.step)
        buf[:n] = self.data[:n]
        self.data = self.data[n:]
        return n


rd = Reader(b'{"a": [1, 2.5, "s"], "b": null}')
print(json.load(rd), rd.calls)
for step in (2, 0):
    try:
        print(json.load(Reader(b"[1, 2]", step)))
    except OSError as e:
        print("OSError", e.errno)
    except ValueError as e:
        print("ValueError", e)


class NoWrite(io.IOBase):
    pass


try:
    print("x", file=NoWrite())
except AttributeError as e:
    print("AttributeError", e)
try:
    print("x", file=object())
except OSError as e:
    print("OSError", e)
