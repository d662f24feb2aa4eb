# native generator: native/viper program compiled byte-for-byte against the reference.
import micropython


@micropython.native
def countdown(n):
    while n > 0:
        yield n
        n -= 1


@micropython.native
def evens(limit):
    for i in range(0, limit, 2):
        yield i


def collect():
    return list(countdown(4)), list(evens(9))


print(collect())
