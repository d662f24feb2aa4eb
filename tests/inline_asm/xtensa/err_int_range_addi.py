@micropython.asm_xtensa
def f():
    addi(a2, a3, 128)
