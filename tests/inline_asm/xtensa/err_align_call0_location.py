@micropython.asm_xtensa
def f():
    data(1, 0)
    align(4)
    label(sub)
    nop()
    call0(sub)
