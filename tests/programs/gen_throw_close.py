def worker():
    try:
        while True:
            try:
                x = yield
                print("got", x)
            except ValueError as e:
                print("handled", e)
    finally:
        print("cleanup")


w = worker()
next(w)
w.send(1)
w.throw(ValueError("bad value"))
w.send(2)
w.close()
print("closed")


def g2():
    yield 1
    yield 2


h = g2()
print(next(h))
try:
    h.throw(KeyError("k"))
except KeyError as e:
    print("propagated", repr(e))
