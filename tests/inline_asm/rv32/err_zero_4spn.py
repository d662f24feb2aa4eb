@micropython.asm_rv32
def f():
    c_addi4spn(a0, 0)
