def t(name, value):
    print("eval", name)
    return value


print(t("a", 0) and t("b", 1))
print(t("c", 1) and t("d", 2))
print(t("e", 0) or t("f", "") or t("g", "last"))
print(not t("h", []))
r = t("i", None) or t("j", 0) and t("k", 1)
print(r)
