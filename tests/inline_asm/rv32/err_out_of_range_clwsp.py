@micropython.asm_rv32
def f():
    c_lwsp(a0, 2)
