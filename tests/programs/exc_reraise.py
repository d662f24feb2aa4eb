def inner():
    raise KeyError("original")


def middle():
    try:
        inner()
    except KeyError:
        print("middle saw it")
        raise


try:
    middle()
except KeyError as e:
    print("top got", repr(e))

try:
    try:
        raise ValueError("first")
    except ValueError:
        raise TypeError("second")
except TypeError as e:
    print("replaced by", e)
