@micropython.asm_rv32
def f():
    c_j(far)
    align(2048)
    label(far)
