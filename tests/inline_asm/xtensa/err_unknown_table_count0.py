@micropython.asm_xtensa
def f():
    nop(a2)
