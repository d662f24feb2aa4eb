@micropython.asm_rv32
def f():
    lui(a0, 0x100000)
