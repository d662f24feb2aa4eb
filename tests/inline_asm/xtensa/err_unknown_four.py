@micropython.asm_xtensa
def f():
    add(a2, a3, a4, a5)
