@micropython.asm_xtensa
def jfar():
    j(far)
    align(262144)
    label(far)
    nop()
