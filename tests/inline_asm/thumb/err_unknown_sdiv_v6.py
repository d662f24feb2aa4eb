@micropython.asm_thumb
def f():
    sdiv(r0, r1, r2)
