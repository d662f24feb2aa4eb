@micropython.asm_rv32
def f():
    sw(a0, x(a1))
