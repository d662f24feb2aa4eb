X = const("a long string here")
print(X)
