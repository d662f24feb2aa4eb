@micropython.asm_xtensa
def f():
    label(c)
    data(1, 0)
    label(d)
    data(4, 0)
    l32r(a2, d)
