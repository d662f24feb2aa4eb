@micropython.asm_xtensa
def f():
    slli(a2, a3, 0)
