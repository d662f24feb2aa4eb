for s in ["abc", "ABC", "123", "a1", " ", "", "Abc"]:
    print(repr(s), s.isalpha(), s.isdigit(), s.isupper(), s.islower(), s.isspace())
