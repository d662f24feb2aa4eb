@micropython.asm_thumb
def f():
    it(xx)
