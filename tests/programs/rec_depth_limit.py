def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


print(depth(50))


def forever(n):
    return forever(n + 1)


try:
    forever(0)
except RuntimeError as e:
    print("RuntimeError:", e)
