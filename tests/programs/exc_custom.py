class ValidationError(Exception):
    pass


class RangeError(ValidationError):
    def __init__(self, value, lo, hi):
        super().__init__("%d not in [%d, %d]" % (value, lo, hi))
        self.value = value


def check(v):
    if not isinstance(v, int):
        raise ValidationError("not an int: %r" % (v,))
    if not 0 <= v <= 10:
        raise RangeError(v, 0, 10)
    return v


for v in [5, 11, "x", -1]:
    try:
        print("ok", check(v))
    except RangeError as e:
        print("range", e, e.value)
    except ValidationError as e:
        print("validation", e)
