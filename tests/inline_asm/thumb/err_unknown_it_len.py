@micropython.asm_thumb
def f():
    it(equ)
