@micropython.asm_xtensa
def calls(a2):
    j(code)
    align(4)
    label(const)
    data(4, 0x12345678)
    label(sub)
    data(4, 0)
    label(code)
    l32r(a2, const)
    data(1, 0, 0)
    call0(sub)
    ret_n()
