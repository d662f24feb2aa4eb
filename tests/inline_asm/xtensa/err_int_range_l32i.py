@micropython.asm_xtensa
def f():
    l32i(a2, a3, 1024)
