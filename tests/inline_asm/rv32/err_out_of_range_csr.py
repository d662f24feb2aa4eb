@micropython.asm_rv32
def f():
    csrrw(a0, a1, 4096)
