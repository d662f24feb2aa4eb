@micropython.asm_thumb
def f():
    push({r for r in r0})
