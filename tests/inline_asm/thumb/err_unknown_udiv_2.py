@micropython.asm_thumb
def f():
    udiv(r0, r1)
