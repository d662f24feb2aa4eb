@micropython.asm_xtensa
def f():
    addi_n(a2, a3, -2)
