class Animal:
    sound = "..."

    def __init__(self, name):
        self.name = name

    def speak(self):
        return self.name + " says " + self.sound

    def kind(self):
        return "animal"


class Dog(Animal):
    sound = "woof"

    def kind(self):
        return "dog"


class Puppy(Dog):
    def speak(self):
        return Dog.speak(self) + " (tiny)"


for a in [Animal("generic"), Dog("rex"), Puppy("bit")]:
    print(a.speak(), a.kind())
print(isinstance(Puppy("x"), Animal), isinstance(Animal("y"), Dog))
print(issubclass(Puppy, Dog), issubclass(Dog, Puppy))
