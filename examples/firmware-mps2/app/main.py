import helper
print(__name__, helper.f(2), helper.X[4] + 1)
print(helper.C().m()[:2], helper.__name__)
def g():
    yield from range(3)
print(list(g()), {'a': 1}['a'], b'xy' + b'z')
try:
    1/0
except ZeroDivisionError as e:
    print('zde', e)
def r(n):
    return 0 if n == 0 else 1 + r(n - 1)
print('recursion', r(40))
import board, time
t0 = time.ticks_ms()
board.led(0, 1)
print('led', board.led(0), board.led(1))
board.led(0, False)
print('led', board.led(0), 'button', board.button(0))
time.sleep_ms(20)
print('ticks', time.ticks_diff(time.ticks_ms(), t0) >= 20)
try:
    board.led(2)
except ValueError as e:
    print('ValueError:', e)
ticks_seen = []
def on_timer(period):
    ticks_seen.append(period)
board.timer(5, on_timer)
t0 = time.ticks_ms()
while len(ticks_seen) < 3 and time.ticks_diff(time.ticks_ms(), t0) < 2000:
    pass
board.timer(0, None)
print('timer', ticks_seen[:3])
