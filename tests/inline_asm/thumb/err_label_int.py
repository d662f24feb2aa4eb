@micropython.asm_thumb
def f():
    label(1)
