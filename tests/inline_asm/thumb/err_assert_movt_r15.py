@micropython.asm_thumb
def f():
    movt(r15, 0x1234)
