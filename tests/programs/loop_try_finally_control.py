def g():
    out = []
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out


print(g())


def h():
    i = 0
    while True:
        try:
            try:
                i += 1
                if i == 2:
                    return "returned at 2"
            finally:
                print("inner finally", i)
        finally:
            print("outer finally", i)


print(h())
