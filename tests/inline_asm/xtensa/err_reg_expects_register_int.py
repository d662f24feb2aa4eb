@micropython.asm_xtensa
def f():
    jx(0)
