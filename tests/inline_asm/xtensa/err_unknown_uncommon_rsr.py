@micropython.asm_xtensa
def f():
    rsr(a2, 3)
