d = {"a": 1, "b": 2}
d["c"] = 3
print(len(d), d["a"], d.get("z"), d.get("z", 0), "b" in d, "z" in d)
d.update({"d": 4, "a": 10})
print(sorted(d.items()))
print(d.pop("b"), d.pop("zz", "none"), sorted(d))
print(d.setdefault("e", 5), d.setdefault("a", 99))
del d["c"]
print(sorted(d.keys()), sorted(d.values()))
k, v = d.popitem()
print(len(d))
d.clear()
print(d, len(d))
