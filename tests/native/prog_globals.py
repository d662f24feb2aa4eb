# globals: native/viper program compiled byte-for-byte against the reference.
import micropython


LIMIT = 5
TABLE = [3, 1, 4, 1, 5, 9, 2, 6]


@micropython.native
def clipped():
    return [v for v in TABLE if v < LIMIT]


@micropython.viper
def limit_plus(x: int) -> int:
    return int(LIMIT) + x


def bump():
    global LIMIT
    LIMIT += 2


print(clipped(), limit_plus(1))
bump()
print(clipped(), limit_plus(1))
