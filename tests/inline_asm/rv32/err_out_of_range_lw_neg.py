@micropython.asm_rv32
def f():
    lw(a0, -2049(a1))
