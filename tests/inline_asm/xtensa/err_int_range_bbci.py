@micropython.asm_xtensa
def f():
    label(x)
    bbci(a2, 32, x)
