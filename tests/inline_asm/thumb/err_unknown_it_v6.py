@micropython.asm_thumb
def f():
    it(eq)
