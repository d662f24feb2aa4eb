# errno module and OSError text, module __dict__, function __globals__, slice.indices.
import errno
import sys

print(errno.ENOENT, errno.EIO, errno.errorcode[errno.EINVAL], type(errno.ETIMEDOUT))
for args in ((errno.ENOENT,), (errno.EIO, "disk"), (errno.EIO, "a", "b"), (9999,), ("text",), ()):
    e = OSError(*args)
    print(str(e), repr(e), e.args)
try:
    raise OSError(errno.EAGAIN)
except OSError as e:
    print("caught", e, e.args[0] == errno.EAGAIN, e.errno)
print(type(sys.__dict__), sys.__dict__["__name__"], "errorcode" in errno.__dict__)
counter = 3


def f():
    return counter


print(f.__globals__["counter"], f.__globals__ is globals())


class Rec:
    def __getitem__(self, s):
        return s


for s in (Rec()[:], Rec()[2:], Rec()[::2], Rec()[-3:-1], Rec()[::-1], Rec()[8:2:-3], Rec()[20:]):
    print(s.indices(10), s.indices(0), (s.start, s.stop, s.step))
