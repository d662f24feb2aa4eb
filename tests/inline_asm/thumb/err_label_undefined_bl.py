@micropython.asm_thumb
def f():
    bl(x)
    label(y)
