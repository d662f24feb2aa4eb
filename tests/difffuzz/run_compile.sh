#!/bin/sh
# Differential compiler fuzzing: random programs through the oracle mpy-cross and ours; the
# .mpy files must be byte-identical, or both must fail with the same message. Oracle aborts
# (assertions in its viper emitter) and oracle timeouts are reported, not counted as ours.
# usage: tests/difffuzz/run_compile.sh FIRST_SEED COUNT [mpy-cross args]
#   NATIVE=1 / VIPER=1 in the environment add native / viper functions.
root=$(cd "$(dirname "$0")/../.." && pwd)
first=$1; count=$2; shift 2
work=$(mktemp -d)
ok=0; same_error=0; differ=0; oracle_failed=0
seed=$first
while [ "$seed" -lt $((first + count)) ]; do
  python3 "$root/tests/difffuzz/gen_compile.py" "$seed" > "$work/t.py"
  timeout 120 "$root/target/oracle/mpy-cross" "$@" -o "$work/a.mpy" "$work/t.py" >/dev/null 2>"$work/ae"; ra=$?
  "$root/target/release/mpy-cross" --error-format=reference "$@" -o "$work/b.mpy" "$work/t.py" >/dev/null 2>"$work/be"; rb=$?
  if [ $ra -gt 1 ]; then
    oracle_failed=$((oracle_failed + 1)); echo "oracle failed ($ra): seed $seed"
  elif [ $ra -ne 0 ] && [ $rb -ne 0 ] && cmp -s "$work/ae" "$work/be"; then
    same_error=$((same_error + 1))
  elif [ $ra -eq 0 ] && [ $rb -eq 0 ] && cmp -s "$work/a.mpy" "$work/b.mpy"; then
    ok=$((ok + 1))
  else
    differ=$((differ + 1)); cp "$work/t.py" "$work/differ-$seed.py"; echo "DIFFER: seed $seed ($work/differ-$seed.py)"
  fi
  rm -f "$work/a.mpy" "$work/b.mpy"
  seed=$((seed + 1))
done
echo "args=[$*] identical $ok, same error $same_error, differ $differ, oracle aborted/timed out $oracle_failed"
[ $differ -eq 0 ]
