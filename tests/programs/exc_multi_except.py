def classify(thing):
    try:
        thing()
    except (KeyError, IndexError) as e:
        return "lookup " + type(e).__name__
    except ArithmeticError as e:
        return "arith " + type(e).__name__
    except Exception as e:
        return "other " + type(e).__name__
    return "none"


print(classify(lambda: {}[1]))
print(classify(lambda: [][0]))
print(classify(lambda: 1 // 0))
print(classify(lambda: int("z")))
print(classify(lambda: 0))
