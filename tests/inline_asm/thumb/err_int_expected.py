@micropython.asm_thumb
def f():
    mov(r0, 1.5)
