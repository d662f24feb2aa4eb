@micropython.asm_thumb
def f():
    add(r0, 2**40 + 1)
