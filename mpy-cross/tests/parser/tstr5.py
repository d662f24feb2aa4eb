x = t"{a!r}" t"{b:>10}" t"x{c=}" t"{d:{e}}"
