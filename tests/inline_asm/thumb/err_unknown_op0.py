@micropython.asm_thumb
def f():
    ret()
