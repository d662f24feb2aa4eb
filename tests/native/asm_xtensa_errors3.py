@micropython.asm_xtensa
def f(a2):
    l32i_n(a2, a1, 6)
    foo(a2)
