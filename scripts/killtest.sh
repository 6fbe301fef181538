#!/usr/bin/env bash
# Crash loop (robustness.md B10 / 8.5 S1): SIGKILL a fetch at random moments N times (default
# 1000), against the real `frontierwatch fetch` when it is built and against fw_robust_ingest
# (store + parser alone), then check integrity_check + FTS5 integrity-check, lost committed items
# and duplicates after a rerun. Also the interrupted-migration loop (S6).
#   scripts/killtest.sh [N]
# Uses $FW_KILL_BUILD (default build-killtest, RelWithDebInfo, no UI). Prints one summary line
# per loop ("kill loop [...]: iterations=... kills_landed=... items_lost=0 duplicates=0").
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-1000}"
build="${FW_KILL_BUILD:-$root/build-killtest}"
jobs="${FW_JOBS:-2}"

cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFW_BUILD_UI=OFF >/dev/null
# fw_robust_tests depends on fw_robust_ingest, and on frontierwatch when the CLI is in the build.
cmake --build "$build" -j"$jobs" --target fw_robust_tests >/dev/null

start=$(date +%s)
FW_KILL_ITERATIONS="$n" "$build/tests/robust/fw_robust_tests" '[kill]' 2>&1 |
  tee "$build/killtest.log" | grep -E 'kill loop|test cases|FAILED|failed' || true
echo "elapsed: $(( $(date +%s) - start )) s (log: $build/killtest.log)"
grep -q 'All tests passed' "$build/killtest.log"
