class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code


class NotFound(AppError):
    def __init__(self, what):
        super().__init__(404, what + " not found")


try:
    raise NotFound("page")
except AppError as e:
    print(type(e).__name__, e.code, e, e.args)
print(issubclass(NotFound, Exception))
