# native exceptions chain: native/viper program compiled byte-for-byte against the reference.
import micropython


class AppError(Exception):
    pass


@micropython.native
def check(x):
    if x > 2:
        raise AppError("too big: " + str(x))
    return x


@micropython.native
def check_all(xs):
    ok = []
    for x in xs:
        try:
            ok.append(check(x))
        except AppError as e:
            ok.append(str(e))
            break
    return ok


print(check_all([1, 2, 3, 4]))
