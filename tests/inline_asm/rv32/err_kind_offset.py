@micropython.asm_rv32
def f():
    lw(a0, a1)
