@micropython.asm_thumb
def f():
    itx(eq)
