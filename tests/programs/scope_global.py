counter = 0


def bump():
    global counter
    counter += 1
    return counter


def read_only():
    return counter * 10


bump()
bump()
print(counter, read_only())


def define_new():
    global created_later
    created_later = "made inside"


define_new()
print(created_later)
