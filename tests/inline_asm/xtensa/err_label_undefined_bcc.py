@micropython.asm_xtensa
def f():
    beq(a2, a3, nowhere)
