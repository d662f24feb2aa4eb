@micropython.asm_thumb
def f():
    rbit(r0, r1)
