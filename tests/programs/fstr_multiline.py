name = "x"
value = 12
msg = (
    f"name={name} "
    f"value={value:03d} "
    "plain "
    f"end"
)
print(msg)
print(f"""triple {value}
second line {name}""")
