# viper calls bytecode: native/viper program compiled byte-for-byte against the reference.
import micropython


def describe(n):
    return "n=" + str(n)


@micropython.viper
def tag(n: int):
    return describe(n)


@micropython.viper
def tag_all(k: int):
    out = []
    for i in range(k):
        out.append(tag(i))
    return out


print(tag_all(3))
