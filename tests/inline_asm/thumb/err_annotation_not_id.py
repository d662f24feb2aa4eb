@micropython.asm_thumb
def f() -> 1:
    nop()
