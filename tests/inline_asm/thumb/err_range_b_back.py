@micropython.asm_thumb
def f():
    label(far)
    align(4096)
    b(far)
