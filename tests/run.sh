#!/usr/bin/env bash
#! The whole test suite: provisions the pinned oracles (target/oracle/, reused), then runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
tests/oracle/provision.sh >/dev/null
export MPY_ORACLE_DIR="${MPY_ORACLE_DIR:-$PWD/target/oracle}"
status=0
cargo test --workspace --release --no-fail-fast "$@" || status=$?
# The Cortex-M firmware under QEMU, in a cargo process of its own (see the test's doc comment).
cargo test --release -p runtime-min --test frozen_image -- --ignored --exact firmware_runs_a_frozen_image_on_qemu \
  < /dev/null || status=$?
exit "$status"
