def level3():
    x = [1, 2, 3]
    return x[10]


def level2():
    return level3()


def level1():
    try:
        return level2()
    except IndexError:
        print("handled at level1")
        raise


level1()
