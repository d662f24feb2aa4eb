@micropython.asm_thumb
def f():
    itttt(eq)
