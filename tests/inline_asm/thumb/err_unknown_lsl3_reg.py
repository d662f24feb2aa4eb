@micropython.asm_thumb
def f():
    mov(r0, r1, r2)
