@micropython.asm_rv32
def f() -> list:
    c_nop()
