@micropython.asm_rv32
def f():
    c_and(a6, a1)
