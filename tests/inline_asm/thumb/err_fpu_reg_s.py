@micropython.asm_thumb
def f():
    vsqrt(s, s0)
