@micropython.asm_rv32
def lui(a0):
    lui(a0, 0x100000)
    lui(a0, -0x80001)
    auipc(a0, 2**31)
