@micropython.asm_xtensa
def f(a2):
    bne(a2, a3, far)
    align(262144)
    label(far)
