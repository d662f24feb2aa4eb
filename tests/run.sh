#!/usr/bin/env bash
#! The whole test suite: provisions the pinned oracles (target/oracle/, reused), then runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
tests/oracle/provision.sh >/dev/null
export MPY_ORACLE_DIR="${MPY_ORACLE_DIR:-$PWD/target/oracle}"
status=0
cargo test --workspace --release --no-fail-fast "$@" || status=$?
# The Cortex-M firmware example under QEMU (mps2-an385), built and run outside `cargo test`
# (see runtime-min/tests/frozen_image.rs): its output must equal expected.txt.
mkdir -p target/firmware
fw_out=target/firmware/qemu-output.txt
if runtime-min/firmware/run.sh < /dev/null > "$fw_out" 2>&1 \
    && grep -v '^\[fw\] ' "$fw_out" | cmp -s - runtime-min/firmware/expected.txt; then
  echo "firmware on qemu mps2-an385: $(grep '^\[fw\] ' "$fw_out")"
  echo "firmware: 1 passed, 0 failed"
else
  echo "firmware on qemu mps2-an385 FAILED; its output:" && cat "$fw_out"
  echo "firmware: 0 passed, 1 failed"
  status=1
fi
exit "$status"
