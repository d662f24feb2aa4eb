@micropython.asm_thumb
def f():
    vldr(s0, [r1, 1024])
