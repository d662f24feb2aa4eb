def documented():
    """This is a docstring."""
    return 1


class WithDoc:
    """Class docstring."""

    def method(self):
        """Method docstring."""
        return 2


print(documented(), WithDoc().method())
"module-level string expression"
print("after string statement")
