@micropython.asm_rv32
def f():
    slli(a0, a1, 32)
