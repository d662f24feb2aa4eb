@micropython.asm_xtensa
def f():
    add(a16, a2, a3)
