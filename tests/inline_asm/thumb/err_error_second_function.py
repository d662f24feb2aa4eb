@micropython.asm_thumb
def g(r0):
    nop()


@micropython.asm_thumb
def f(r0):
    add(r0, 300)
