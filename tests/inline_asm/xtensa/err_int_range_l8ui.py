@micropython.asm_xtensa
def f():
    l8ui(a2, a3, 256)
