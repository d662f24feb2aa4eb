@micropython.asm_rv32
def f(a0):
    beq(a0, a0, far)
    align(4096)
    label(far)
