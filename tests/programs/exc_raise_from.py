class WrapError(Exception):
    pass


def load():
    try:
        {}["cfg"]
    except KeyError as e:
        raise WrapError("load failed") from e


try:
    load()
except WrapError as e:
    print("caught", e)
    print(type(e.__cause__).__name__ if hasattr(e, "__cause__") else "no cause attr")
