@micropython.asm_rv32
def f(a0):
    data(1, 0)
    beq(a0, a0, end)
    label(end)
