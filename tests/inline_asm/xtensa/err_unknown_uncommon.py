@micropython.asm_xtensa
def f():
    memw()
