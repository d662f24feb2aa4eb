# native with: native/viper program compiled byte-for-byte against the reference.
import micropython


class Ctx:
    def __init__(self, name, log):
        self.name = name
        self.log = log

    def __enter__(self):
        self.log.append("enter " + self.name)
        return self

    def __exit__(self, a, b, c):
        self.log.append("exit " + self.name)
        return False


@micropython.native
def use(log):
    with Ctx("a", log) as c:
        with Ctx("b", log):
            log.append(c.name)
    return log


print(use([]))
