# select.poll over streams written in Python (io.IOBase subclasses answering
# ioctl(MP_STREAM_POLL=3, events)), and a small event loop on generators that waits with
# ipoll, as asyncio's IOQueue does.
import io
import select
import micropython

print(select.POLLIN, select.POLLOUT, select.POLLERR, select.POLLHUP)
print(type(select.poll()), select.poll())


class Pipe(io.IOBase):
    """Readable once `after` polls have been made; always writable."""

    def __init__(self, name, after=0):
        self.name = name
        self.after = after
        self.polls = 0
        self.data = []

    def ioctl(self, req, arg):
        if req != 3:
            return -22
        self.polls += 1
        ready = select.POLLOUT
        if self.polls > self.after:
            ready |= select.POLLIN
        return ready & arg

    def __repr__(self):
        return "<Pipe %s>" % self.name


a = Pipe("a")
b = Pipe("b", after=2)
# Streams compare and hash by identity.
print(a == b, a != b, a in [b], a in [a], len({a: 1, b: 2}), repr(a))
p = select.poll()
p.register(a, select.POLLIN)
p.register(b, select.POLLIN)
print(p.poll(0))
print(p.poll(0))
print(p.poll(0))
# A stream that is ready needs no wait, whatever the timeout.
c = Pipe("c")
q = select.poll()
q.register(c, select.POLLIN)
print(q.poll(), q.poll(-1), q.poll(None), q.poll(1000), c.polls)
# Registering again replaces the mask; modify too.
p.register(a, select.POLLOUT)
print(p.poll(0))
p.modify(a, select.POLLIN | select.POLLOUT)
print(p.poll(0))
p.unregister(a)
p.unregister(a)
print(p.poll(0))
try:
    p.modify(a, select.POLLIN)
except OSError as e:
    print("OSError", e.errno)
for bad in (1, "s", [], None):
    try:
        p.register(bad)
    except OSError as e:
        print("OSError", e)


class Failing(io.IOBase):
    def ioctl(self, req, arg):
        return -11


class NotInt(io.IOBase):
    def ioctl(self, req, arg):
        return None


for s in (Failing(), NotInt()):
    r = select.poll()
    r.register(s)
    try:
        r.poll(0)
    except Exception as e:
        print(type(e).__name__, e)

# ipoll: the poll object is its own iterator; each result is one reused tuple.
p = select.poll()
x, y = Pipe("x"), Pipe("y")
p.register(x, select.POLLIN)
p.register(y, select.POLLOUT)
it = p.ipoll(0)
print(it is p, iter(p) is p)
seen = []
for entry in p.ipoll(0):
    seen.append(entry)
    print(entry)
print(len(seen), seen[0] is seen[1])
print(list(p.ipoll(0)) == [(y, 4), (y, 4)] or "order")
# One-shot: a stream that reported is polled for nothing until modify.
print([e[0].name for e in p.ipoll(0, 1)])
print(p.poll(0))
p.modify(x, select.POLLIN)
print(p.poll(0))
print(next(p.ipoll(0), "end"), next(p, "end"), next(p, "end"))

# ipoll allocates nothing once its tuple exists (asyncio runs with the heap locked).
def locked_ipoll(p):
    micropython.heap_lock()
    n = 0
    for s, ev in p.ipoll(0):
        n += ev
    micropython.heap_unlock()
    return n


p.ipoll(0)
print("locked ipoll", locked_ipoll(p))


# An event loop: each task is a generator yielding the stream it waits for.
class Loop:
    def __init__(self):
        self.poller = select.poll()
        self.waiting = {}
        self.ready = []
        self.streams = []

    def spawn(self, gen):
        self.ready.append(gen)

    def step(self, gen):
        try:
            stream = gen.send(None)
        except StopIteration as e:
            print("done", e.value)
            return
        self.waiting[id(stream)] = gen
        if stream not in self.streams:
            self.streams.append(stream)
        self.poller.register(stream, select.POLLIN)

    def run(self):
        while self.ready or self.waiting:
            while self.ready:
                self.step(self.ready.pop(0))
            if self.waiting:
                # (Streams ready together come in address order in MicroPython: sort them.)
                woken = sorted(s.name for s, ev in self.poller.ipoll(0))
                for stream in [s for s in self.streams if s.name in woken]:
                    self.poller.unregister(stream)
                    self.ready.append(self.waiting.pop(id(stream)))


def reader(name, stream, n):
    total = 0
    for i in range(n):
        yield stream
        stream.after = stream.polls + 1 + i
        total += i
        print(name, "read", i)
    return name + str(total)


loop = Loop()
loop.spawn(reader("r1", Pipe("p1", after=1), 3))
loop.spawn(reader("r2", Pipe("p2", after=3), 2))
loop.run()


# A generator that ends while the heap is locked still raises StopIteration.
def short():
    yield 1
    return 2


def end_locked(g):
    micropython.heap_lock()
    try:
        g.send(None)
    except StopIteration as e:
        stop = e.value
    micropython.heap_unlock()
    return stop


def min_max_locked(a, b, c):
    micropython.heap_lock()
    hi, lo = max(a, b, c), min(a, b, c)
    micropython.heap_unlock()
    return hi, lo


g = short()
next(g)
# (The emergency StopIteration has no value, as in MicroPython.)
print("stop under lock", end_locked(g))
print(min_max_locked(3, 9, 4))
