class ConfigError(Exception):
    pass


def parse(line):
    if "=" not in line:
        raise ConfigError("bad line: " + line)
    return line.split("=")


print(parse("a=1"))
parse("broken")
