@micropython.asm_xtensa
def f():
    movi(a2, 1.0)
