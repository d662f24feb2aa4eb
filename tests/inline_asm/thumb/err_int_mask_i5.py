@micropython.asm_thumb
def f():
    lsl(r0, r1, 32)
