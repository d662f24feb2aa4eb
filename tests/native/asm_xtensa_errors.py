@micropython.asm_xtensa
def f(a2):
    addi(a2, a2, 300)
