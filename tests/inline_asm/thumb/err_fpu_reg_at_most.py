@micropython.asm_thumb
def f():
    vmul(s0, s32, s0)
