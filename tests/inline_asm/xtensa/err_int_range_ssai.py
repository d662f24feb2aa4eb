@micropython.asm_xtensa
def f():
    ssai(32)
