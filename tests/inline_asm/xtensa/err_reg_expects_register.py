@micropython.asm_xtensa
def f():
    mov(a2, b2)
