@micropython.asm_xtensa
def f():
    call0(a2 + 1)
