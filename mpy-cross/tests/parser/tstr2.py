x = t"a{b!r:>{w}}c{d=}" t"e{f}"
