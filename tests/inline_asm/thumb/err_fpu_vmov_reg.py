@micropython.asm_thumb
def f():
    vmov(r0, r1)
