@micropython.asm_thumb
def f():
    ldrb(r0, [r1, 0, 0])
