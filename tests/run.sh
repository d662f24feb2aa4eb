#!/usr/bin/env bash
#! The whole test suite: provisions the pinned oracles (target/oracle/, reused), then runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
tests/oracle/provision.sh >/dev/null
export MPY_ORACLE_DIR="${MPY_ORACLE_DIR:-$PWD/target/oracle}"
cargo test --workspace --release --no-fail-fast "$@"
