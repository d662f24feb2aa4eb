@micropython.asm_thumb
def f():
    ble_w(b)
