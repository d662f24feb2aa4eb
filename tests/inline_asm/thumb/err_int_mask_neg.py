@micropython.asm_thumb
def f():
    cmp(r0, -1)
