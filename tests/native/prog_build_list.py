# build list: native/viper program compiled byte-for-byte against the reference.
import micropython


@micropython.native
def squares(n):
    out = []
    for i in range(n):
        out.append(i * i)
    return out


@micropython.native
def pairs(xs):
    return [(a, b) for a in xs for b in xs if a < b]


@micropython.viper
def literal(a: int, b: int):
    return [a, b, a + b]


print(squares(5), pairs([1, 2, 3]), literal(2, 3))
