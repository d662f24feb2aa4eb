@micropython.asm_thumb
def f():
    strex(r0, r1, [r2, 0])
