from micropython import const

WIDTH = const(80)
HEIGHT = const(24)
AREA = const(WIDTH * HEIGHT)
_PRIVATE = const(1 << 4)
MASK = const(0xFF00 | 0x00F0)
print(WIDTH, HEIGHT, AREA, _PRIVATE, MASK)


def cells():
    return AREA // WIDTH


print(cells(), WIDTH * 2 + 1)
