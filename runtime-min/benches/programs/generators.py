# Benchmark: generators (generator functions, generator expressions, yield from, send).


def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1


def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x


def chain(a, b):
    yield from a
    yield from b


def accumulator():
    total = 0
    while True:
        x = yield total
        total += x


def main():
    acc = 0
    for r in range(4):
        for x in evens(count_up(10000)):
            acc += x
        acc += sum(x * x for x in range(5000))
        acc += sum(chain(range(2000), count_up(2000)))
    gen = accumulator()
    next(gen)
    for i in range(10000):
        acc += gen.send(i) & 0xFF
    acc += len(list(count_up(3000)))
    acc += max(x % 97 for x in count_up(5000))
    return acc


checksum = 0
for _ in range(2):
    checksum += main()
print("generators", checksum)
