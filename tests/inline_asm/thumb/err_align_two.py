@micropython.asm_thumb
def f():
    align(2, 4)
