def echo():
    received = []
    while True:
        x = yield len(received)
        if x == "stop":
            return received
        received.append(x)


def delegate():
    result = yield from echo()
    yield "got %r" % (result,)


g = delegate()
print(next(g))
print(g.send("a"))
print(g.send("b"))
print(g.send("stop"))
