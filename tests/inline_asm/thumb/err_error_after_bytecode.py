def g():
    return 1


@micropython.asm_thumb
def f():
    foo()
