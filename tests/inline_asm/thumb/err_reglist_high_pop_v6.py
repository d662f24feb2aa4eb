@micropython.asm_thumb
def f():
    pop({r8, pc})
