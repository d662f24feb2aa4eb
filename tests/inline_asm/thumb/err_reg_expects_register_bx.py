@micropython.asm_thumb
def f():
    bx(1)
