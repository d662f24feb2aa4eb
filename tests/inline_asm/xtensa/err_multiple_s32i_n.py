@micropython.asm_xtensa
def f():
    s32i_n(a2, a3, 2)
