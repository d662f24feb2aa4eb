@micropython.asm_thumb
def f():
    label(x)
    beq_w(x)
