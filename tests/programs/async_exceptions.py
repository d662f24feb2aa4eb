async def fails():
    raise ValueError("async boom")


async def catcher():
    try:
        await fails()
    except ValueError as e:
        return "caught " + str(e)
    finally:
        print("finally in coroutine")


def run(coro):
    try:
        coro.send(None)
    except StopIteration as e:
        return e.value


print(run(catcher()))
try:
    run(fails())
except ValueError as e:
    print("outer caught", e)
