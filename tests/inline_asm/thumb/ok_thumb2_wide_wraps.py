# oracle: -X heapsize=64M
@micropython.asm_thumb
def wrap():
    bne_w(far)
    align(2097152)
    label(far)
    nop()
