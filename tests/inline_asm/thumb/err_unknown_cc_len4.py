@micropython.asm_thumb
def f():
    label(x)
    bneq(x)
