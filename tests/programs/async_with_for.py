class AsyncCM:
    async def __aenter__(self):
        print("aenter")
        return "resource"

    async def __aexit__(self, *a):
        print("aexit")


class AsyncRange:
    def __init__(self, n):
        self.i = 0
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i


async def main():
    async with AsyncCM() as r:
        print("using", r)
    total = 0
    async for v in AsyncRange(4):
        total += v
    return total


c = main()
try:
    c.send(None)
except StopIteration as e:
    print("result", e.value)
