@micropython.asm_thumb
def f():
    vmrs(r0, FPEXC)
