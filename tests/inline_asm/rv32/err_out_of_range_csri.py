@micropython.asm_rv32
def f():
    csrrwi(a0, 1, 32)
