@micropython.asm_thumb
def f():
    vstr(s0, (r0, 0))
