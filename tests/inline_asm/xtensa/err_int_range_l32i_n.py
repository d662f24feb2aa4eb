@micropython.asm_xtensa
def f():
    l32i_n(a2, a3, 64)
