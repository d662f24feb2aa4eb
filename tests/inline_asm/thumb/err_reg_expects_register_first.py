@micropython.asm_thumb
def f():
    mov(r16, r0)
