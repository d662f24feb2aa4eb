@micropython.asm_thumb
def f():
    vfoo(s0, s1)
