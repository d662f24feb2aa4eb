@micropython.asm_thumb
def f():
    label(a)
    bgt_n(b)
