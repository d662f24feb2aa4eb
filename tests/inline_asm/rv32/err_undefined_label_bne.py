@micropython.asm_rv32
def f():
    bne(a0, a1, nowhere)
