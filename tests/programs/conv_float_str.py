print(float("1.5"), float("-2e3"), float("  7 "), float(".5"), float("5."))
print(str(1.0), str(-1.5), str(1e100), str(1.5e-7))
print(float(10 ** 20), int(float("1e5")))
try:
    float("abc")
except ValueError:
    print("bad float")
print(round(1.23456, 3), round(-1.5), round(2.5), round(0.5))
