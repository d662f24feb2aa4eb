@micropython.asm_xtensa
def f():
    data(1)
