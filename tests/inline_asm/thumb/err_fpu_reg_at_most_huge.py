@micropython.asm_thumb
def f():
    vmul(s0, s1, s99999999999999999999999)
