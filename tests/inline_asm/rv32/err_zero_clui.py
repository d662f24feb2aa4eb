@micropython.asm_rv32
def f():
    c_lui(a0, 0)
