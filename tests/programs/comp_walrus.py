data = [1, 5, 2, 8, 3]
print([y for x in data if (y := x * 2) > 5])
if (n := len(data)) > 3:
    print("long list", n)
total = 0
while (chunk := data[total:total + 2]):
    print(chunk)
    total += 2
