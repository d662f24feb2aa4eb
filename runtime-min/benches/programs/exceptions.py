# Benchmark: exceptions (raise/except in loops, custom classes, finally, re-raise, with).


class AppError(Exception):
    pass


class DetailError(AppError):
    def __init__(self, code):
        super().__init__("detail", code)
        self.code = code


def risky(i):
    if i % 3 == 0:
        raise DetailError(i)
    if i % 3 == 1:
        raise ValueError("bad")
    return i


class Guard:
    def __init__(self):
        self.entered = 0

    def __enter__(self):
        self.entered += 1
        return self

    def __exit__(self, *args):
        return False


def main():
    acc = 0
    for i in range(8000):
        try:
            acc += risky(i)
        except DetailError as e:
            acc += e.code & 7
        except ValueError:
            acc += 1
        finally:
            acc += 2
    d = {}
    for i in range(8000):
        try:
            acc += d[i]
        except KeyError:
            d[i] = 1
    for i in range(3000):
        try:
            try:
                raise AppError(i)
            except AppError:
                raise
        except Exception as e:
            acc += len(e.args)
    g = Guard()
    for i in range(5000):
        with g:
            acc += 1
    acc += g.entered
    return acc


checksum = 0
for _ in range(2):
    checksum += main()
print("exceptions", checksum)
