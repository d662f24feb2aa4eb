class Suspend:
    def __init__(self, tag):
        self.tag = tag

    def __iter__(self):
        got = yield self.tag
        return got

    __await__ = __iter__


async def fetch(name, delay):
    waited = 0
    while waited < delay:
        waited += await Suspend(name)
    return "%s after %d" % (name, waited)


def gather(*coros):
    results = [None] * len(coros)
    pending = list(enumerate(coros))
    for _, c in pending:
        c.send(None)
    while pending:
        still = []
        for i, c in pending:
            try:
                c.send(1)
                still.append((i, c))
            except StopIteration as e:
                results[i] = e.value
        pending = still
    return results


print(gather(fetch("a", 3), fetch("b", 1), fetch("c", 2)))
