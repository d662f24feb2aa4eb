@micropython.asm_thumb
def f():
    vaddx(s0, s1, s2)
