@micropython.asm_xtensa
def f(a2, a3, a4, a5, a6):
    nop()
