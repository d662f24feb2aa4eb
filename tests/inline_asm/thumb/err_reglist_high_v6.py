@micropython.asm_thumb
def f():
    push({r0, r8})
