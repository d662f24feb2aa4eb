class Countdown:
    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1


print(list(Countdown(5)))
it = Countdown(2)
print(next(it), next(it))
try:
    next(it)
except StopIteration:
    print("done")
print(sum(Countdown(100)))
print(next(Countdown(0), "empty"))
