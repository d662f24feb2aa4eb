@micropython.asm_xtensa
def f():
    l16ui(a2, a3, -2)
