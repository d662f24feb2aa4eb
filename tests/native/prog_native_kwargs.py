# native kwargs: native/viper program compiled byte-for-byte against the reference.
import micropython


def make(**kw):
    return sorted(kw.items())


@micropython.native
def build(a, b):
    return make(first=a, second=b)


@micropython.native
def forward(**kw):
    return make(**kw)


print(build(1, 2))
print(forward(z=3, y=4))
