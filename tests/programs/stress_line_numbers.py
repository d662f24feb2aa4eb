def check(value,
          limit):
    if value > limit:
        raise OverflowError(
            "value %d above %d" % (
                value,
                limit,
            )
        )
    return value


result = [
    check(1, 10),
    check(2, 10),
]
print(result)
data = {
    "a": 1,

    "b": 2,
}
print(sorted(data.items()))
try:
    check(
        50,
        5,
    )
except OverflowError as e:
    print("caught", e)


def deep():
    return [
        check(i, 3)
        for i in range(10)
    ]


deep()
