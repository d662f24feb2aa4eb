@micropython.asm_thumb
def f():
    ldrh(r0, [r1, 1])
