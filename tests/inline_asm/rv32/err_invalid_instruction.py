@micropython.asm_rv32
def f():
    foo(a0)
