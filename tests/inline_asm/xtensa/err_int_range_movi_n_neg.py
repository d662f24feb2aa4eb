@micropython.asm_xtensa
def f():
    movi_n(a2, -33)
