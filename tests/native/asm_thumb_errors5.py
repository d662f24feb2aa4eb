@micropython.asm_thumb
def f():
    x = 1
