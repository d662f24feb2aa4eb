# flags: -march-flags=zba,zcmp
@micropython.asm_rv32
def zcmp(a0, a1):
    cm_push({ra}, -16)
    cm_push({ra, s0}, -32)
    cm_push({ra, s0-s1}, -48)
    cm_push({ra, s0-s2}, 0)
    cm_push({ra, s0-s11}, -16)
    cm_push({ra, s0-s9}, -16)
    cm_pop({ra}, 16)
    cm_pop({ra, s0-s3}, 0)
    cm_popret({ra, s0-s4}, 32)
    cm_popretz({ra, s0-s8}, 48)
    cm_mva01s(s0, s1)
    cm_mvsa01(s2, s7)
    cm_mva01s(s7, s0)
