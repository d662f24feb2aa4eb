letters = ["c", "a", "b"]
print(list(enumerate(letters)), list(enumerate(letters, 10)))
print(sorted(letters), sorted(letters, reverse=True), letters)
print(sorted([3, 1, 2]) == [1, 2, 3], sorted(()), sorted("cba"))
print(list(reversed(letters)), list(reversed((1, 2, 3))))
