# time on the host runner (mpy-run registers runtime_min::host_time::TIME): the wrapping ticks arithmetic, sleeps.
import time
t0 = time.ticks_ms()
time.sleep_ms(5)
time.sleep(0.002)
time.sleep_us(100)
t1 = time.ticks_ms()
print(time.ticks_diff(t1, t0) >= 5, time.ticks_diff(t0, t1) <= -5, isinstance(time.time(), float), time.time() > 1.7e9)
print(time.ticks_diff(5, 2 ** 30 - 3), time.ticks_diff(2 ** 30 - 3, 5), time.ticks_add(2 ** 30 - 1, 2), time.ticks_add(0, -1), time.ticks_diff(100, 50))
print(time.time_ns() > 10 ** 18, time.ticks_diff(time.ticks_us(), time.ticks_us()) <= 0)
