# native finally: native/viper program compiled byte-for-byte against the reference.
import micropython


log = []


@micropython.native
def work(x):
    try:
        if x < 0:
            raise ValueError("neg")
        return x * 2
    finally:
        log.append(x)


@micropython.native
def run(xs):
    out = []
    for x in xs:
        try:
            out.append(work(x))
        except ValueError:
            out.append("err")
    return out


print(run([1, -1, 2]), log)
