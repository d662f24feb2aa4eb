# native closure: native/viper program compiled byte-for-byte against the reference.
import micropython


@micropython.native
def make_counter(start):
    count = start

    def inc(step=1):
        nonlocal count
        count += step
        return count

    return inc


c = make_counter(10)
print(c(), c(5), c())
