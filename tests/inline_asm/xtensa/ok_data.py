@micropython.asm_xtensa
def d() -> object:
    data(1, 1, 2, 3)
    align(4)
    data(2, 0x1234, -1)
    data(4, 2**33 + 7)
    align(8)
    data(8, -2)
    pass
    nop()
@micropython.asm_xtensa
def e(a2) -> bool:
    mov(a2, a3)
@micropython.asm_xtensa
def g(a2, a3, a4) -> int:
    add(a2, a3, a4)
