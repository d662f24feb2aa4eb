# flags: -march-flags=zba,zcmp
@micropython.asm_rv32
def wrap():
    cm_pop({ra}, 2**32 + 16)
    cm_push({ra}, -2**32 - 32)
