@micropython.asm_thumb
def f():
    nop()
    add(r8, 1)
