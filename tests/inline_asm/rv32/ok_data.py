@micropython.asm_rv32
def d() -> object:
    data(1, 1, 2, 3)
    align(4)
    data(2, 0x1234, -1)
    data(4, 2**33 + 7)
    align(8)
    data(8, -2)
    pass
    c_nop()
@micropython.asm_rv32
def e(a0) -> bool:
    mv(a0, a0)
@micropython.asm_rv32
def g(a0, a1, a2) -> int:
    add(a0, a1, a2)
