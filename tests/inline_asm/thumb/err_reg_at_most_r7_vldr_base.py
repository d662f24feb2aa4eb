@micropython.asm_thumb
def f():
    vldr(s0, [r8, 0])
