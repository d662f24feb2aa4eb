@micropython.asm_xtensa
def f():
    srai(a2, a3, 32)
