@micropython.asm_rv32
def f():
    addi(a0, a1, 2048)
