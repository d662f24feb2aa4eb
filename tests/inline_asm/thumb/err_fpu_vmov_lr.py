@micropython.asm_thumb
def f():
    vmov(lr, s16)
