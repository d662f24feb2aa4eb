@micropython.asm_xtensa
def f():
    label(x)
    beqz(x, x)
