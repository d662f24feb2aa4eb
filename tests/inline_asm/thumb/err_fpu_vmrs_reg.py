@micropython.asm_thumb
def f():
    vmrs(foo, FPSCR)
