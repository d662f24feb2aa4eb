@micropython.asm_rv32
def f():
    label(a)
    label(a)
