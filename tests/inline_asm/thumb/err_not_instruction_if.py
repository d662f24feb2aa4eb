@micropython.asm_thumb
def f():
    if r0:
        nop()
