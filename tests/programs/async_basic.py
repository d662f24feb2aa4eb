async def add(a, b):
    return a + b


async def main():
    x = await add(1, 2)
    y = await add(x, 10)
    return x * y


def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value


print(run(main()))
