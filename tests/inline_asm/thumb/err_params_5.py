@micropython.asm_thumb
def f(r0, r1, r2, r3, r4):
    nop()
