#!/bin/sh
# Freeze app/ into an image, build the firmware around it and run it on QEMU mps2-an385.
# Output must equal expected.txt up to the last ("[fw] ...") statistics line.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out="$root/target/firmware"
mkdir -p "$out"
# From the workspace root: this directory's .cargo/config.toml would build the host tool for thumbv7m.
cd "$root"
cargo run --quiet --release --manifest-path "$root/Cargo.toml" -p freeze --bin mpy-freeze -- \
    --image "$out/frozen.bin" "$here/app"
# Built from its own directory so that .cargo/config.toml selects thumbv7m-none-eabi.
cd "$here"
MPY_FROZEN_IMAGE="$out/frozen.bin" CARGO_TARGET_DIR="$out/build" cargo build --quiet --release
elf="$out/build/thumbv7m-none-eabi/release/runtime-min-firmware"
# Flash and RAM use (to stderr, so stdout stays the program's output).
(cd "$root" && cargo run --quiet --release -p freeze --bin firmware-size -- "$elf" --budget 65536 >&2)
exec timeout 60 qemu-system-arm -M mps2-an385 -nographic -semihosting \
    -kernel "$elf"
