@micropython.asm_xtensa
def f():
    label()
