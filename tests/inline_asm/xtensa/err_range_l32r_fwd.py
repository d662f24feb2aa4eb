@micropython.asm_xtensa
def f():
    data(1, 0, 0, 0)
    l32r(a2, c)
    align(4)
    label(c)
    data(4, 0)
