@micropython.asm_thumb
def f() -> int[1]:
    foo()
