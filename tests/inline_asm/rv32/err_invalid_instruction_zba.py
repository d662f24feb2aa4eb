@micropython.asm_rv32
def f():
    sh1add(a0, a1, a2)
