def f(a, b=2, c=3):
    return (a, b, c)


print(f(1), f(1, 20), f(1, c=30), f(a=0, b=0, c=0))


def mutable_default(x, acc=[]):
    acc.append(x)
    return acc


print(mutable_default(1), mutable_default(2), mutable_default(3, []))


def none_default(x, acc=None):
    if acc is None:
        acc = []
    acc.append(x)
    return acc


print(none_default(1), none_default(2))
