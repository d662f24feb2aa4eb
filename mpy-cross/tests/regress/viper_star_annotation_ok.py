# Viper: annotated `*args` and `**kwargs` parameters compile like the reference.
def f(a, *d: int, e: uint, **k: object) -> uint:
    return e
def g(*d: ptr8) -> ptr8:
    return d
