@micropython.asm_thumb
def f():
    return
