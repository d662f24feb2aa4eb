# generator protocol details: send on a just-started generator (also one whose code has
# exception handlers), and a finished generator answering send/throw/close with StopIteration


def t(f):
    try:
        print(repr(f()))
    except BaseException as e:
        print("E", type(e).__name__, e)


def plain():
    x = yield 1
    print("got", x)
    yield 2


def with_handler():
    x = 0
    try:
        print("body", x)
    finally:
        yield 1


def two_handlers(a):
    try:
        try:
            yield a
        except ValueError:
            yield "caught"
    finally:
        print("finally", a)


for make in (plain, with_handler, lambda: two_handlers(7)):
    t(lambda: make().send(0))
    t(lambda: make().send(None))
a = plain()
for step in (lambda: next(a), lambda: a.send(5), lambda: next(a), lambda: a.throw(ValueError),
             lambda: a.throw(KeyError), lambda: a.close(), lambda: a.send(1)):
    t(step)
b = two_handlers(3)
for step in (lambda: next(b), lambda: b.throw(ValueError), lambda: b.throw(KeyError), lambda: b.throw(KeyError), lambda: next(b)):
    t(step)
c = with_handler()
for step in (lambda: c.close(), lambda: c.throw(KeyError), lambda: c.send(1)):
    t(step)
