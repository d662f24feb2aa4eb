# generator.pend_throw, the type of ... / NotImplemented, "can't create" messages
def worker(log):
    n = 0
    while True:
        try:
            job = yield n
            log.append(job)
            n += 1
        except KeyError as e:
            log.append("cancel " + str(e))


log = []
w = worker(log)
print(next(w), w.send("a"))
print(w.pend_throw(KeyError("k1")))
print(w.pend_throw(KeyError("k2")))
print(next(w), log)
print(w.pend_throw(None), next(w), log)
w.pend_throw(ValueError)
try:
    next(w)
except ValueError as e:
    print("ValueError raised", repr(e))
print(w.pend_throw(1), list(w))

fresh = worker([])
fresh.pend_throw(RuntimeError("before start"))
try:
    next(fresh)
except RuntimeError as e:
    print("RuntimeError", e)


def reentrant():
    yield me.pend_throw(None)


me = reentrant()
try:
    next(me)
except ValueError as e:
    print("ValueError", e)

print(type(...), type(NotImplemented), type(...) is type(NotImplemented))
print(isinstance(..., type(...)), type(...).__name__ == "")
for t in (type(...), type(None), type(iter([])), type(len), slice, type(worker(log))):
    try:
        t()
    except TypeError as e:
        print("TypeError", e)
