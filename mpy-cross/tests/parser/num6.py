a = 12abc
