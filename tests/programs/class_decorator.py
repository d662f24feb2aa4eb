registry = []


def register(cls):
    registry.append(cls.__name__)
    cls.registered = True
    return cls


@register
class First:
    pass


@register
class Second:
    def hello(self):
        return "hi"


print(registry)
print(First.registered, Second().hello())
