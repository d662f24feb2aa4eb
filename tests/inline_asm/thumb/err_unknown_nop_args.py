@micropython.asm_thumb
def f():
    nop(r0)
