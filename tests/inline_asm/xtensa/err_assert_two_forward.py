@micropython.asm_xtensa
def f(a2):
    label(top)
    beqz(a2, end)
    bnez(a2, end)
    label(end)
