@micropython.asm_rv32
def f():
    c_addi(a0, 32)
