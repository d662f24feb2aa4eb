@micropython.asm_thumb
def f():
    strb(r0, [r1, 32])
