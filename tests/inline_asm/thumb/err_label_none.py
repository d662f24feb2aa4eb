@micropython.asm_thumb
def f():
    label()
