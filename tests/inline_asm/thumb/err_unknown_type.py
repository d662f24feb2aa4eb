@micropython.asm_thumb
def f() -> float:
    nop()
