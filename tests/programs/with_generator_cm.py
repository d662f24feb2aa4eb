class managed:
    def __init__(self, gen_fn):
        self.gen_fn = gen_fn

    def __call__(self, *args):
        return _GenCM(self.gen_fn(*args))


class _GenCM:
    def __init__(self, gen):
        self.gen = gen

    def __enter__(self):
        return next(self.gen)

    def __exit__(self, t, v, tb):
        try:
            next(self.gen)
        except StopIteration:
            pass
        return False


@managed
def tag(name):
    print("<" + name + ">")
    yield name
    print("</" + name + ">")


with tag("p") as t:
    print("inside", t)
