@micropython.asm_xtensa
def f():
    addmi(a2, a3, 32768)
