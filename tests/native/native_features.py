import micropython

@micropython.native
def g1(a, *args, b=2, **kw):
    with open(a) as f:
        for x in f:
            yield x
    try:
        return [y*2 for y in args if y]
    except (ValueError, KeyError) as e:
        raise RuntimeError(e)
    finally:
        del a

@micropython.native
def g2(n):
    def inner(m):
        return n + m
    x = lambda: n
    while True:
        n -= 1
        if n < 0:
            break
        elif n == 5:
            continue
    return inner, x, {k: v for k, v in kw.items()}, {1, 2}

class C:
    @micropython.native
    def m(self):
        return super().m()

@micropython.native
async def h(a):
    async with a as b:
        await b
    async for z in a:
        print(z)
    yield from a
    x = yield
