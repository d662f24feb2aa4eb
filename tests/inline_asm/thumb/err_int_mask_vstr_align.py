@micropython.asm_thumb
def f():
    vstr(s0, [r1, 2])
