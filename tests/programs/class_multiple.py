class Walker:
    def walk(self):
        return "walk"

    def move(self):
        return "walker moves"


class Swimmer:
    def swim(self):
        return "swim"

    def move(self):
        return "swimmer moves"


class Duck(Walker, Swimmer):
    pass


class Fish(Swimmer):
    pass


d = Duck()
print(d.walk(), d.swim(), d.move())
print(Fish().move())
print(isinstance(d, Walker), isinstance(d, Swimmer), isinstance(Fish(), Walker))
