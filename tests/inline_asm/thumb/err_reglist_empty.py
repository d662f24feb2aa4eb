@micropython.asm_thumb
def f():
    push({})
