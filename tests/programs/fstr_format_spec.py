pi = 3.14159265
print(f"{pi:.2f} {pi:8.3f} {pi:<8.1f}|")
print(f"{42:5d}|{42:<5d}|{42:^5d}|{42:05d}")
print(f"{255:x} {255:X} {255:o} {255:b} {255:#x}")
print(f"{'left':<10}|{'right':>10}|{'mid':^9}|")
print(f"{1234567:,}")
print(f"{-5:+d} {5:+d}")
print(f"{'x':*^7}")
