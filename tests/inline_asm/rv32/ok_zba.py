# flags: -march-flags=zba,zcmp
@micropython.asm_rv32
def zba(a0, a1):
    sh1add(a0, a1, a2)
    sh2add(a0, a1, a2)
    sh3add(t0, t1, t2)
