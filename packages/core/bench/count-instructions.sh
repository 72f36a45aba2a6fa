#!/usr/bin/env bash
# Instructions per operation of the core on the bench flow, independent of machine load.
# Bundles bench/instructions.ts and runs it under `valgrind --tool=cachegrind` with
# `node --single-threaded --predictable` (as deterministic as V8 gets), once feeding the flow to
# one core and once to two; prints (Ir(two) - Ir(one)) / OPS.
# Usage: bench/count-instructions.sh [OPS] [SEED]; KEEP=dir keeps the cachegrind files there;
# PROGRAM=events-floor.ts measures that floor instead of the core; NODE_FLAGS adds V8 flags.
set -euo pipefail
ops="${1:-200000}"
seed="${2:-42}"
here="$(cd "$(dirname "$0")" && pwd)"
if [ -n "${KEEP:-}" ]; then
  work="$KEEP"
  mkdir -p "$work"
else
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
fi
npx esbuild "$here/${PROGRAM:-instructions.ts}" --bundle --platform=node --format=esm \
  --outfile="$work/instructions.mjs" --log-level=warning
count() {
  valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file="$work/cg.$1" \
    node --single-threaded --predictable "$work/instructions.mjs" --cores "$1" --ops "$ops" \
    --seed "$seed" >"$work/out.$1" 2>"$work/err.$1"
  grep -m1 -o 'I *refs: *[0-9,]*' "$work/err.$1" | tr -dc '0-9'
}
# The two runs are independent: run them side by side.
count 1 >"$work/ir.1" &
count 2 >"$work/ir.2"
wait
one="$(cat "$work/ir.1")"
two="$(cat "$work/ir.2")"
echo "one core: $one instructions; two cores: $two; $(cat "$work/out.2")"
echo "instructions per operation: $(((two - one) / ops))"
