@micropython.asm_xtensa
def f() -> str:
    nop()
