@micropython.asm_xtensa
def f(a3):
    nop()
