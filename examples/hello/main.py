# A small MicroPython application: compile it with
#   mpy-cross examples/hello/main.py -march=armv7m
import micropython
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


@micropython.viper
def checksum(buf) -> int:
    # Compiled to Thumb-2 machine code with -march=armv7m.
    data = ptr8(buf)
    total = 0
    for i in range(int(len(buf))):
        total += data[i]
    return total


def main(ticks=8):
    blinker = Blinker(LED_COUNT)
    for tick in range(ticks):
        print(f"{tick:2d} {blinker.step(tick)}")
    print("checksum", checksum(b"MicroPython"))
    try:
        time.sleep_ms(0)
    except AttributeError:
        pass


main()
