@micropython.asm_xtensa
def f():
    srli(a2, a3, 16)
