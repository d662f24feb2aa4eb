class AppError(Exception):
    pass
def run():
    raise AppError("bad thing", 42)
print("before")
run()
