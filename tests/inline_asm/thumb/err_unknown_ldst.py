@micropython.asm_thumb
def f():
    ldrd(r0, [r1, 0])
