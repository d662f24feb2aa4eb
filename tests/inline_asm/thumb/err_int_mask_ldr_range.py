@micropython.asm_thumb
def f():
    ldr(r0, [r1, 128])
