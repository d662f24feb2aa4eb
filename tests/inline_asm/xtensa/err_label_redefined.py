@micropython.asm_xtensa
def f():
    label(a)
    label(a)
