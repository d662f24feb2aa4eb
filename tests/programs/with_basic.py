class Tracker:
    def __init__(self, name, log):
        self.name = name
        self.log = log

    def __enter__(self):
        self.log.append("enter " + self.name)
        return self.name.upper()

    def __exit__(self, *exc):
        self.log.append("exit " + self.name)
        return False


log = []
with Tracker("a", log) as x:
    log.append("body " + x)
with Tracker("b", log) as p, Tracker("c", log) as q:
    log.append(p + q)
print(log)
