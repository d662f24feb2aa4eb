# native gen send: native/viper program compiled byte-for-byte against the reference.
import micropython


@micropython.native
def accumulator():
    total = 0
    while True:
        v = yield total
        if v is None:
            break
        total += v


def run():
    g = accumulator()
    next(g)
    out = [g.send(x) for x in (1, 2, 3)]
    return out


print(run())
