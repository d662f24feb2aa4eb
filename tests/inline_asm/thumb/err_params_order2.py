@micropython.asm_thumb
def f(r0, r2):
    nop()
