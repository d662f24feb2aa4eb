@micropython.asm_rv32
def f():
    c_lw(a0, 128(a1))
