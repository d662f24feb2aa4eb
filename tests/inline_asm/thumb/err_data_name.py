@micropython.asm_thumb
def f():
    data(2, 1, x)
