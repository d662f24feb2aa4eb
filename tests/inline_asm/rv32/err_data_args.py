@micropython.asm_rv32
def f():
    data(1)
