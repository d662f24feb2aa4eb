@micropython.asm_rv32
def fwd(a0):
    c_j(e2)
    c_nop()
    label(e2)
    c_nop()
    align(2048)
    beq(a0, a0, e1)
    label(e1)
    jal(ra, e3)
    label(e3)
    la(a0, e4)
    label(e4)
