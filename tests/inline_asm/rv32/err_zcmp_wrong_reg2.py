# flags: -march-flags=zba,zcmp
@micropython.asm_rv32
def f():
    cm_mvsa01(s1, a0)
