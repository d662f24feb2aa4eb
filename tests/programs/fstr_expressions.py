a, b = 3, 4
print(f"{a + b} {a * b} {a ** b} {b / 2}")
print(f"{'yes' if a < b else 'no'}")
print(f"{[x * x for x in range(4)]}")
print(f"{a!r:>5}|")
print(f"{'-' * 5}")
