def nest(mode):
    log = []
    for i in range(3):
        try:
            try:
                try:
                    try:
                        if mode == "break" and i == 1:
                            break
                        if mode == "continue" and i == 0:
                            continue
                        if mode == "return" and i == 2:
                            return log + ["ret"]
                        if mode == "raise" and i == 1:
                            raise KeyError(i)
                        log.append("b%d" % i)
                    finally:
                        log.append("f1")
                finally:
                    log.append("f2")
            except KeyError as e:
                log.append("caught%r" % (e.args,))
            finally:
                log.append("f3")
        finally:
            log.append("f4")
    return log


for mode in ("none", "break", "continue", "return", "raise"):
    print(mode, nest(mode))
