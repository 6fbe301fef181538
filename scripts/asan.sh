#!/usr/bin/env bash
# The whole test suite under AddressSanitizer (with LeakSanitizer) and UBSan. CI calls it.
#   scripts/asan.sh [extra ctest args...]     e.g. scripts/asan.sh -R 'robust:'
# Build dir: $FW_ASAN_BUILD (default build-asan); jobs: $FW_JOBS (default 2); compiler: the
# default one ($CC/$CXX to override; gcc and clang both work). FW_SANITIZE is applied per
# target by cmake/FwWarnings.cmake. Any sanitizer report fails the test that triggered it.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
build="${FW_ASAN_BUILD:-$root/build-asan}"
jobs="${FW_JOBS:-2}"

cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Debug -DFW_BUILD_UI=OFF \
  -DFW_SANITIZE=address,undefined -DCMAKE_CXX_FLAGS="-fno-sanitize-recover=undefined"
cmake --build "$build" -j"$jobs"

# halt_on_error for UBSan too, so a report is a failure and not a line in a log nobody reads.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
# Kill loops are long under ASan; CI keeps the 200-iteration default unless told otherwise.
export FW_KILL_ITERATIONS="${FW_KILL_ITERATIONS:-200}"
cd "$build"
ctest --output-on-failure -j"$jobs" --timeout 1800 "$@"
