@micropython.asm_thumb
def f():
    movw(pc, 1)
