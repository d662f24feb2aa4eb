@micropython.asm_thumb
def f(r0):
    mov(r0, 1)
    add(r0, r9, 1)
