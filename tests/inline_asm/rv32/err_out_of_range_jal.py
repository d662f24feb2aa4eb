@micropython.asm_rv32
def f():
    jal(ra, far)
    align(1048576)
    label(far)
