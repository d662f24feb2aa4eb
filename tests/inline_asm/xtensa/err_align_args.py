@micropython.asm_xtensa
def f():
    align(y)
