@micropython.asm_thumb
def f():
    mrs(r0, IPSR)
