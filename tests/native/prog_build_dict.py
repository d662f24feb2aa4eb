# build dict: native/viper program compiled byte-for-byte against the reference.
import micropython


@micropython.native
def histogram(s):
    d = {}
    for ch in s:
        d[ch] = d.get(ch, 0) + 1
    return d


@micropython.native
def invert(d):
    return {v: k for k, v in d.items()}


@micropython.viper
def small(a):
    return {"a": a, "b": a + a}


h = histogram("abracadabra")
print(sorted(h.items()), sorted(invert({"x": 1, "y": 2}).items()), sorted(small(4).items()))
