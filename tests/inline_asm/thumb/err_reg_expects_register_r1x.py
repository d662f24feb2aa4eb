@micropython.asm_thumb
def f():
    mov(r1x, r0)
