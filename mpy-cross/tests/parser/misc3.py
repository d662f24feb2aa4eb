try:
    pass
except E as e:
    pass
except:
    pass
else:
    pass
finally:
    pass
with a as b, c:
    pass
while x:
    break
else:
    continue
