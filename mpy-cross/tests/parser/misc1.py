def f(a, *b, c=1, **d) -> int:
    global g
    nonlocal n
    del a, b
    assert a, "m"
    raise E from F
    yield from g
    return
async def h():
    await x
    async for a in b: pass
    async with c as d: pass
