@micropython.asm_rv32
def f():
    lw(a0, 0, a1)
