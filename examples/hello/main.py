# A small MicroPython application: compile it with
#   mpy-cross examples/hello/main.py -march=armv7m
import time

LED_COUNT = const(4)


class Blinker:
    def __init__(self, count):
        self.count = count
        self.state = [False] * count

    def step(self, tick):
        index = tick % self.count
        self.state[index] = not self.state[index]
        return "".join("*" if on else "." for on in self.state)


def main(ticks=8):
    blinker = Blinker(LED_COUNT)
    for tick in range(ticks):
        print(f"{tick:2d} {blinker.step(tick)}")
    try:
        time.sleep_ms(0)
    except AttributeError:
        pass


main()
