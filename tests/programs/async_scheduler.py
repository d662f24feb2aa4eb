class Sleep:
    def __await__(self):
        yield

    __iter__ = __await__


async def worker(name, steps, log):
    for i in range(steps):
        log.append("%s%d" % (name, i))
        await Sleep()
    return name


def run_all(coros):
    queue = list(coros)
    results = []
    while queue:
        c = queue.pop(0)
        try:
            c.send(None)
            queue.append(c)
        except StopIteration as e:
            results.append(e.value)
    return results


log = []
print(run_all([worker("a", 3, log), worker("b", 1, log), worker("c", 2, log)]))
print(log)
