@micropython.asm_thumb
def f():
    vadd(s0, s1, s2)
