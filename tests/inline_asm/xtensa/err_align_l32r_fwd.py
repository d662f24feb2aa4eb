@micropython.asm_xtensa
def f():
    l32r(a2, c)
    align(4)
    label(c)
    data(4, 0)
