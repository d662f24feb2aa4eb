@micropython.asm_rv32
def f(a0):
    c_beqz(a0, far)
    align(256)
    label(far)
