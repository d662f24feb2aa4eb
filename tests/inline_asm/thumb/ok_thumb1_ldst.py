@micropython.asm_thumb
def ldst(r0, r1) -> int:
    ldr(r0, [r1, 0])
    ldr(r2, [r3, 124])
    ldrb(r0, [r1, 31])
    ldrh(r0, [r1, 62])
    str(r0, [r1, 4])
    strb(r7, [r6, 1])
    strh(r5, [r4, 2])
    ldr(r0, [r1, 0x10])
    ldrb(r0, [r7, 0])
    strh(r0, [r0, 0])
