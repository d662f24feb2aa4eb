@micropython.asm_xtensa
def f():
    j(nowhere)
