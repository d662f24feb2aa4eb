nums = [1, 2, 3, 4, 5, 6]
print(list(map(lambda x: x * x, nums)))
print(list(filter(lambda x: x % 2 == 0, nums)))
print(list(filter(None, [0, 1, "", "a", None, [], [0]])))
print(list(map(lambda a, b: a - b, [10, 20, 30], [1, 2])))
print(list(zip(nums, "abc")), list(zip()))
print(list(map(str, range(3))), list(map(int, "123")))
