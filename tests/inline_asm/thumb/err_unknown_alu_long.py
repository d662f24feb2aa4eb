@micropython.asm_thumb
def f():
    orrs(r0, r1)
