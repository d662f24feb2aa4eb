@micropython.asm_thumb
def f():
    xor(r0, r1)
