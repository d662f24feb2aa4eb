@micropython.asm_thumb
def f():
    vcmp(s0, s1, s2, s3)
