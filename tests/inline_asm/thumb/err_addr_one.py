@micropython.asm_thumb
def f():
    str(r0, [r1])
