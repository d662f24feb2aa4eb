@micropython.asm_xtensa
def f():
    j(x)
    data(1, 0)
    label(sub)
    label(x)
    call0(sub)
