@micropython.asm_thumb
def f():
    nop()
    x = 1
