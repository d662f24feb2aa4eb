@micropython.asm_xtensa
def f():
    fsync(1)
