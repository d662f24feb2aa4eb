# The random module: MicroPython's Yasmarang sequence after seed(), ranges, choice, floats, errors.
import random
print(sorted(f for f in dir(random) if not f.startswith("_")))
random.seed(42)
print([random.getrandbits(k) for k in (1, 8, 16, 32, 0)], random.randrange(10), random.randrange(5, 50), random.randrange(0, 100, 7), random.randrange(50, 0, -3))
print(random.randint(1, 6), random.choice("abcdef"), random.choice([1, 2, 3]), random.random(), random.uniform(2, 5), random.uniform(5, 2))
random.seed(0)
print([random.randint(0, 100) for _ in range(10)])
for bad in (lambda: random.getrandbits(33), lambda: random.randrange(0), lambda: random.randint(5, 1), lambda: random.choice([]), lambda: random.randrange(1, 2, 0)):
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, repr(e))
random.seed(-1)
print(random.getrandbits(32), random.random())
random.seed(2 ** 40 + 5)
print(random.getrandbits(32))
