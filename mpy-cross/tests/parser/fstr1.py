x = f"a{b}c{d!r}e{f:>{w}}g{h=}i{{j}}"
