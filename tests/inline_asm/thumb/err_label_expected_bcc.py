@micropython.asm_thumb
def f():
    bne(r0 + 1)
