@micropython.asm_thumb
def f():
    ldrex(r0, [r2, 0])
