# attrs: native/viper program compiled byte-for-byte against the reference.
import micropython


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


@micropython.native
def norm1(p):
    return abs(p.x) + abs(p.y)


@micropython.viper
def shift(p, dx: int):
    p.x = int(p.x) + dx
    return p


p = Point(3, -4)
print(norm1(p))
print(shift(p, 10).x)
