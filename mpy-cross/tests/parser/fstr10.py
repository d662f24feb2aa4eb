x = f"{a if b else c}" f"{d[1:2]}" f"{ {1:2}[1] }"
