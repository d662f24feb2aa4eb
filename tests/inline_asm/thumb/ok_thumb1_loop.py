@micropython.asm_thumb
def loop(r0, r1):
    mov(r2, 0)
    label(loop)
    cmp(r1, 0)
    beq(done)
    ldrb(r3, [r0, 0])
    add(r2, r2, r3)
    add(r0, 1)
    sub(r1, 1)
    b(loop)
    label(done)
    mov(r0, r2)
