@micropython.asm_xtensa
def f():
    align(4)
    label(c)
    data(4, 0)
    data(1, 0)
    l32r(a2, c)
