# Benchmark: bigints (factorial, powers, modular arithmetic) and floats (Mandelbrot, series).


def factorial(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r


def bigint_work():
    f = factorial(400)
    acc = f % 1000000007
    x = 3**500
    y = 7**300
    for i in range(400):
        acc += (x * y + i) % 999983
        acc += (x // (y + i)) % 1000
    a, b = 0, 1
    for i in range(1000):
        a, b = b, a + b
    acc += a % 1000000009
    acc += pow(2, 1000, 1000003)
    acc += len(str(f))
    return acc


def mandel(w, h, iters):
    count = 0
    for py in range(h):
        y0 = py / h * 2.0 - 1.0
        for px in range(w):
            x0 = px / w * 3.0 - 2.0
            x = 0.0
            y = 0.0
            n = 0
            while n < iters and x * x + y * y < 4.0:
                x, y = x * x - y * y + x0, 2.0 * x * y + y0
                n += 1
            count += n
    return count


def series(n):
    s = 0.0
    for k in range(1, n):
        s += 1.0 / (k * k)
    return s


def main():
    acc = bigint_work()
    acc += mandel(60, 40, 50)
    s = series(40000)
    return acc, "%.6f" % s, round(s * 1000)


print("numbers", main())
