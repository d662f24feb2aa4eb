@micropython.viper
def f(buf, n: int) -> uint:
    p = ptr16(buf)
    q = ptr(buf)
    b = bool(n)
    u = uint(n) + uint(p[1])
    if b and u > uint(3):
        p[n] = int(u)
    return u ^ uint(0xffff)

@micropython.viper
def g(x) -> ptr8:
    return ptr8(x)
