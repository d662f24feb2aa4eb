@micropython.asm_thumb
def f():
    data(n, 1)
