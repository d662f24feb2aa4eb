@micropython.asm_rv32
def f(x10, x12):
    c_nop()
