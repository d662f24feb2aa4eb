# flags: -march-flags=zba,zcmp
@micropython.asm_rv32
def f():
    cm_mva01s(s0, s0)
