@micropython.asm_thumb
def f():
    vadd(r0, s0, s0)
