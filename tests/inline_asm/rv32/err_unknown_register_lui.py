@micropython.asm_rv32
def f():
    c_lui(sp, 1)
