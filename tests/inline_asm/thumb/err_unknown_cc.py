@micropython.asm_thumb
def f():
    label(x)
    bxx(x)
