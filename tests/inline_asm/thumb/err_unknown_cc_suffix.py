@micropython.asm_thumb
def f():
    label(x)
    beq_x(x)
