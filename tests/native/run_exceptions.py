# Native exception handling: try/except/else/finally, re-raise, with, errors crossing native and bytecode (prints).
import micropython


class Ctx:
    def __init__(self, log):
        self.log = log

    def __enter__(self):
        self.log.append("enter")
        return self

    def __exit__(self, a, b, c):
        self.log.append("exit " + (a.__name__ if a else "ok"))
        return a is KeyError


def bytecode_raiser(n):
    if n > 2:
        raise ValueError("too big %d" % n)
    return n


@micropython.native
def guarded(n):
    try:
        r = bytecode_raiser(n)
    except ValueError as e:
        return "caught " + str(e)
    else:
        return "ok %d" % r
    finally:
        print("finally", n)


@micropython.native
def nested(n):
    try:
        try:
            return 10 // n
        except ZeroDivisionError:
            raise KeyError("zero")
    except KeyError as e:
        return "key " + str(e)


@micropython.native
def with_block(log, exc):
    with Ctx(log):
        log.append("body")
        if exc:
            raise exc("x")
    return "after"


@micropython.native
def loop_with_break():
    out = []
    for i in range(5):
        try:
            if i == 3:
                break
            out.append(i)
        finally:
            out.append("f")
    return out


print(guarded(1))
print(guarded(5))
print(nested(2), nested(0))
log = []
print(with_block(log, None), log)
log = []
print(with_block(log, KeyError), log)
log = []
try:
    with_block(log, IndexError)
except IndexError:
    print("index", log)
print(loop_with_break())
