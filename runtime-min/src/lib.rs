//! A `no_std` MicroPython 1.29 bytecode VM that runs a frozen image in place.
#![no_std]
