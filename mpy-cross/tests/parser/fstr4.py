x = f"{a!s:10}" + rf"\n{b}"
