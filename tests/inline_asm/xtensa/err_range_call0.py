@micropython.asm_xtensa
def f():
    call0(far)
    align(262144)
    label(far)
