@micropython.asm_rv32
def f():
    ecall(a0)
