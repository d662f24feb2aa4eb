def numbers():
    n = 0
    while True:
        yield n
        n += 1


def evens(src):
    for n in src:
        if n % 2 == 0:
            yield n


def take(src, k):
    for _ in range(k):
        yield next(src)


print(list(take(evens(numbers()), 6)))


def chunks(seq, size):
    for i in range(0, len(seq), size):
        yield seq[i:i + size]


print(list(chunks("abcdefgh", 3)))
