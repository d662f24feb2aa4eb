n = 5
while n > 0:
    n -= 2
else:
    print("while ended with", n)
n = 10
while n > 0:
    if n == 7:
        break
    n -= 1
else:
    print("not printed")
print("broke at", n)
i = 0
while i < 3:
    i += 1
    if i == 2:
        continue
    print("i =", i)
