def attempt(x):
    try:
        r = 10 // x
    except ZeroDivisionError:
        print("except")
        return "err"
    else:
        print("else", r)
        return "ok"
    finally:
        print("finally", x)


print(attempt(2))
print(attempt(0))
