x = a < b <= c != d is not e not in f in g
