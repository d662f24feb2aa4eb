@micropython.asm_rv32
def f():
    a0 = 1
