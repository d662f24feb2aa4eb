@micropython.asm_thumb
def f():
    and_(r0, sp)
