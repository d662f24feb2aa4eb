# Benchmark: strings (concatenation, join, format, f-strings, %, slicing, methods).


def main():
    acc = 0
    s = ""
    for i in range(2000):
        s += str(i % 10)
    acc += len(s)
    parts = []
    for i in range(3000):
        parts.append("item%d" % i)
    joined = ",".join(parts)
    acc += len(joined)
    acc += len(joined.split(","))
    for i in range(2000):
        t = "{}-{}:{}".format(i, i * 2, "x")
        acc += len(t)
        u = f"{i:5d}|{i * 3}"
        acc += len(u)
    text = "The Quick Brown Fox Jumps Over The Lazy Dog " * 20
    for i in range(300):
        acc += len(text.upper()) + len(text.lower())
        acc += text.find("Lazy") + text.count("The")
        acc += len(text.replace("o", "0"))
        acc += len(text[i % 40 : i % 40 + 50])
        acc += len(text[-(i % 40) - 10 :])
        if text.startswith("The"):
            acc += 1
        acc += len(text.strip().split(" "))
    words = text.split()
    acc += len(" ".join(sorted(words)))
    rev = "".join(reversed("benchmark" * 10))
    acc += ord(rev[0])
    return acc


checksum = 0
for _ in range(3):
    checksum += main()
print("strings", checksum)
