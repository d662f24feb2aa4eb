# oracle: -X heapsize=64M
@micropython.asm_thumb
def f():
    bl(far)
    align(8388608)
    label(far)
