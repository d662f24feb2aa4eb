a = b"\xff" "x"
