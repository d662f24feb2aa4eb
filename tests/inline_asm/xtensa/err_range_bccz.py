@micropython.asm_xtensa
def f(a2):
    beqz(a2, far)
    align(262144)
    label(far)
