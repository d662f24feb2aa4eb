a = 1, 2
b = (1,)
c = ()
d = ((), 1)
e = (1, (2, 3))
f = [1, 2]
g = x[1, 2]
h = (a, 1)
for i in 1, 2: pass
return 1, 2
