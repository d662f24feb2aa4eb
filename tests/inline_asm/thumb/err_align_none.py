@micropython.asm_thumb
def f():
    align()
