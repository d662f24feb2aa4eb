@micropython.asm_xtensa
def f():
    l32r(a2, nowhere)
