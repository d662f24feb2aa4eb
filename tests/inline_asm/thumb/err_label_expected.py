@micropython.asm_thumb
def f():
    b(1)
