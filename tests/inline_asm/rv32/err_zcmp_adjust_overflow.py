# flags: -march-flags=zba,zcmp
@micropython.asm_rv32
def f():
    cm_push({ra}, 2**70)
