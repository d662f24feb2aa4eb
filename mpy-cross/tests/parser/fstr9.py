x = f"{a!r}" "b" f"{c}" b"x"
