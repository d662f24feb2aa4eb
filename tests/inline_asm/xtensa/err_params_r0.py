@micropython.asm_xtensa
def f(r0):
    nop()
