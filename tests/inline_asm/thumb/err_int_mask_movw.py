@micropython.asm_thumb
def f():
    movw(r0, 0x10000)
