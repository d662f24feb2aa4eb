_instances = 0


class Tracked:
    def __init__(self):
        global _instances
        _instances += 1
        self.id = _instances


objs = [Tracked() for _ in range(4)]
print([o.id for o in objs], _instances)
