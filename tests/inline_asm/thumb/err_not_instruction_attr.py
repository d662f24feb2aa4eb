@micropython.asm_thumb
def f():
    a.b(r0)
