@micropython.asm_thumb
def f():
    vneg(s0, s1x)
