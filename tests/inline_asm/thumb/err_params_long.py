@micropython.asm_thumb
def f(r00):
    nop()
