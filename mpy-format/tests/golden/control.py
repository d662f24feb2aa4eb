# Jumps: if/elif/else, while/else, for/break/continue, try/except/finally, with.
def control(items, flag):
    total = 0
    for item in items:
        if item is None:
            continue
        elif item < 0:
            break
        total += item
    else:
        total = -1
    while flag:
        flag -= 1
        if flag == 3:
            break
    else:
        pass
    try:
        total = total / flag
    except ZeroDivisionError as err:
        total = 0
    except (TypeError, ValueError):
        raise
    finally:
        flag = None
    with open("f") as fh, open("g"):
        for line in fh:
            try:
                return line
            finally:
                total += 1
    a, b = b, a = 1, 2
    assert total, "message"
    return total if flag else not total
