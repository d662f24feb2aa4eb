@micropython.asm_thumb
def f():
    add(r0, r1, r2, r3)
