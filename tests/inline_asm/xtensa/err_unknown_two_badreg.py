@micropython.asm_xtensa
def f():
    foo(x, a3)
