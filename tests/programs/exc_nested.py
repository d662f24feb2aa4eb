def risky(n):
    try:
        try:
            if n == 0:
                raise ValueError("zero")
            if n == 1:
                raise TypeError("one")
            return "fine"
        except ValueError as e:
            print("inner caught", e)
            raise RuntimeError("converted")
        finally:
            print("inner finally", n)
    except RuntimeError as e:
        print("outer caught", e)
        return "runtime"
    except TypeError as e:
        print("outer caught type", e)
        return "type"


for n in range(3):
    print(risky(n))
