#!/usr/bin/env bash
#! The whole test suite: provisions the pinned oracles (target/oracle/, reused), then runs every test.
#! Ends with the totals over every test binary (`N passed, N failed`) and cargo's exit status.
set -euo pipefail
cd "$(dirname "$0")/.."
tests/oracle/provision.sh >/dev/null
export MPY_ORACLE_DIR="${MPY_ORACLE_DIR:-$PWD/target/oracle}"
mkdir -p target
log=target/test-run.log
# Passing tests' output too, so the differential tests' counts appear in the log.
if [ "$#" -eq 0 ]; then set -- -- --show-output; fi
set +e
cargo test --workspace --release --no-fail-fast "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($i == "passed;") p += $(i - 1); if ($i == "failed;") f += $(i - 1) } }
     END { printf "%d passed, %d failed\n", p, f }' "$log"
exit "$status"
