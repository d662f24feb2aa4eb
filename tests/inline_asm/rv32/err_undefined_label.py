@micropython.asm_rv32
def f():
    c_j(nowhere)
