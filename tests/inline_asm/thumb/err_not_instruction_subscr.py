@micropython.asm_thumb
def f():
    nop[0]
