@micropython.asm_thumb
def f():
    data(4, 1.0)
