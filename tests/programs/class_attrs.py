class Config:
    debug = False
    level = 1
    names = []


a = Config()
b = Config()
a.debug = True
print(a.debug, b.debug, Config.debug)
Config.level = 5
print(a.level, b.level)
a.names.append("shared")
print(b.names)
b.level = 9
print(a.level, b.level, Config.level)
del b.level
print(b.level)
print(hasattr(a, "debug"), hasattr(Config, "nothing"))
setattr(a, "extra", 42)
print(a.extra, getattr(a, "extra"))
