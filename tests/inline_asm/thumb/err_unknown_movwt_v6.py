@micropython.asm_thumb
def f():
    movwt(r0, 1)
