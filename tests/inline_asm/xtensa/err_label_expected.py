@micropython.asm_xtensa
def f():
    j(1)
