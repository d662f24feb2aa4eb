@micropython.asm_thumb
def f():
    nop()
    b(nowhere)
