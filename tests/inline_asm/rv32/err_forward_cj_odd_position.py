@micropython.asm_rv32
def f(a0):
    data(1, 0)
    c_j(end)
    label(end)
