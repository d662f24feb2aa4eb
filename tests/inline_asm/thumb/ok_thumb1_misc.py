@micropython.asm_thumb
def f0() -> object:
    nop()
    wfi()
    cpsid(i)
    cpsie(i)
    bx(lr)
    bx(r15)
@micropython.asm_thumb
def f1(r0) -> bool:
    push({r0})
    push({r0, r1, r7})
    push({r4, lr})
    push({lr})
    pop({r0})
    pop({r1, r2, r3})
    pop({r4, pc})
    pop({pc})
@micropython.asm_thumb
def f2(r0, r1):
    pass
    data(1, 1, 2, 3)
    align(2)
    data(2, 0x1234, -1)
    align(4)
    data(4, 0x12345678, 2**40 + 5)
    align(8)
    data(8, -2)
    data(3, 0xabcdef)
    align(16)
    nop()
@micropython.asm_thumb
def f3(r0, r1, r2):
    mov(r0, 1)


def plain():
    return 1
