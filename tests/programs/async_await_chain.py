class Yield:
    def __iter__(self):
        yield "tick"

    __await__ = __iter__


async def step(name, n):
    for i in range(n):
        await Yield()
        print(name, i)
    return name * n


def run(coro):
    ticks = 0
    try:
        while True:
            coro.send(None)
            ticks += 1
    except StopIteration as e:
        return e.value, ticks


print(run(step("ab", 3)))
