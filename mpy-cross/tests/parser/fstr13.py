def f():
    return f"{x}" f"{y}"
