@micropython.asm_rv32
def f():
    c_mv(zero, a0)
