@micropython.asm_thumb
def f():
    movwt(pc, -1)
