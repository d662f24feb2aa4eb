s = list(range(10))
print(s[2:7], s[:3], s[7:], s[-3:], s[:-7])
print(s[::2], s[1::3], s[::-1], s[8:2:-2])
print("python"[1:4], "python"[-2:], (0, 1, 2, 3)[1:-1])
t = s[:]
t[2:4] = ["a", "b"]
print(t)
del t[:5]
print(t, t[1:-1])
print(s[100:200], s[-100:3])
