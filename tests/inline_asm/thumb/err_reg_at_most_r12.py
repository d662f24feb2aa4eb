@micropython.asm_thumb
def f():
    mrs(r13, IPSR)
