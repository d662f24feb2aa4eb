people = [("bob", 25), ("alice", 30), ("carol", 27), ("dave", 20)]
print(sorted(people))
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: (-p[1], p[0])))
names = ["Banana", "apple", "Cherry"]
print(sorted(names), sorted(names, key=str.lower))
nums = [5, -3, 2, -8]
nums.sort(key=abs, reverse=True)
print(nums)
print(sorted("a quick brown fox".split(), key=len))
