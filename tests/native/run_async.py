# Native coroutines driven by hand and by a small round-robin scheduler (prints).
import micropython


class Wait:
    def __iter__(self):
        yield "tick"
        return 7

    __await__ = __iter__


@micropython.native
async def inner(n):
    got = await Wait()
    return n + got


@micropython.native
async def outer(log):
    for i in range(3):
        log.append(await inner(i))
    return sum(log)


log = []
coro = outer(log)
ticks = 0
try:
    while True:
        coro.send(None)
        ticks += 1
except StopIteration as stop:
    print("result", stop.value, ticks, log)



class Yield:
    def __iter__(self):
        yield None

    __await__ = __iter__


@micropython.native
async def worker(name, n, out):
    for i in range(n):
        out.append("%s%d" % (name, i))
        await Yield()
    return name


@micropython.native
def round_robin(coros):
    done = []
    while coros:
        for c in list(coros):
            try:
                c.send(None)
            except StopIteration as stop:
                done.append(stop.value)
                coros.remove(c)
    return done


out = []
print(round_robin([worker("a", 3, out), worker("b", 2, out)]), out)
