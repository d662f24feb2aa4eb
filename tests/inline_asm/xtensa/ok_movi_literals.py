@micropython.asm_xtensa
def lits(a2):
    movi(a2, 100000)
    movi(a3, 100000)
    movi(a4, 2**31)
    movi(a5, -100000)
    movi(a6, 2048)
    movi(a7, 0x7fffffff)
