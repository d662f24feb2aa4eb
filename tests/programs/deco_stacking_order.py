log = []


def trace(label):
    def deco(fn):
        log.append("decorating " + label)

        def wrapper():
            log.append("enter " + label)
            r = fn()
            log.append("leave " + label)
            return r

        return wrapper

    return deco


@trace("outer")
@trace("inner")
def work():
    log.append("work")
    return 42


print(work())
for line in log:
    print(line)
