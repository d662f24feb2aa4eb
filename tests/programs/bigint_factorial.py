def fact(n):
    r = 1
    while n > 1:
        r *= n
        n -= 1
    return r


f50 = fact(50)
print(f50)
print(f50 % 1000003, len(str(f50)))
print(sum(int(d) for d in str(fact(100))))
