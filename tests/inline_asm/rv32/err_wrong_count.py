@micropython.asm_rv32
def f():
    add(a0, a1)
