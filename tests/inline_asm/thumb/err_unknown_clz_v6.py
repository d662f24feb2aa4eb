@micropython.asm_thumb
def f():
    clz(r0, r1)
