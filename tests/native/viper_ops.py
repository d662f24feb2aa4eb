import micropython

@micropython.viper
def f1(p: ptr8, n: int) -> int:
    s = 0
    for i in range(n):
        s += p[i]
    return s

@micropython.viper
def f2(p: ptr16, q: ptr32, n: uint) -> uint:
    x = uint(0)
    while n > uint(0):
        q[n] = p[n] << 2
        x = x ^ uint(q[1])
        n -= uint(1)
    return x

@micropython.viper
def f3(a, b: int) -> bool:
    c = int(a) // b
    d = int(a) % b
    if c < d and c != 3:
        return True
    return c >= -d

@micropython.viper
def f4(buf) -> int:
    p = ptr8(buf)
    p[0] = 1
    p[3] = 0xff
    v = ptr32(buf)
    v[1] = v[0] | 7
    return int(len(buf)) + p[2] * 3 - (v[1] >> 1) & 0x0f

@micropython.viper
def f5(x: int) -> int:
    try:
        y = x + 1
    except Exception:
        y = 0
    finally:
        x = 2
    return y

@micropython.viper
def f6(a: uint, b: uint) -> bool:
    return a < b

@micropython.viper
def f7():
    l = [1, 2, 3]
    d = {'a': 'b'}
    t = (l, d)
    g = global_thing
    s = l[g:g]
    return t, g, s, ~5, -7
