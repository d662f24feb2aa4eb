@micropython.asm_thumb
def f():
    pop({r0: r1})
