# Thumb-1 subset (armv6m accepts all of it).
@micropython.asm_thumb
def f(r0, r1, r2, r3):
    label(loop)
    ldr(r4, [r1, 0])
    add(r0, r0, r4)
    add(r1, 4)
    sub(r2, r2, 1)
    cmp(r2, 0)
    bgt(loop)
    push({r4, r5, lr})
    pop({r4, r5, pc})
    mov(r0, r8)
    bl(loop)
    data(1, 1, 2, 3)
    align(2)
    b(done)
    nop()
    label(done)


@micropython.asm_thumb
def g(r0) -> uint:
    add(r0, r0, 1)


@micropython.asm_thumb
def h() -> bool:
    pass
