# Viper: the annotation of a `*args` parameter is checked (an unknown type is a ViperTypeError
# raised before the later SyntaxError in the body).
def f(*d: obj):
    pass
    f(**b, x)
