# native defaults: native/viper program compiled byte-for-byte against the reference.
import micropython


@micropython.native
def greet(name, greeting="hi", punct="!"):
    return greeting + " " + name + punct


@micropython.native
def call_all():
    return [greet("a"), greet("b", "yo"), greet("c", punct="?")]


print(call_all())
