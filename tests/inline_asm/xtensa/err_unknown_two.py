@micropython.asm_xtensa
def f():
    foo(a2, a3)
