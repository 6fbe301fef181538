#!/usr/bin/env bash
# Every test, one build of them: install what is missing, check the formatting
# (scripts/check-format.sh), start a throwaway PostgreSQL, then
#   1. build everything once under AddressSanitizer + UBSan, the GUI and the libFuzzer targets
#      included (scripts/asan.sh --build-only into build/ci: clang -O1, unity batches, precompiled
#      Qt headers, Ninja, no benchmark program);
#   2. run every test of that build, GUI tests offscreen (LeakSanitizer on, UBSan fatal);
#   3. run each libFuzzer target of that build for a bounded time ($FW_FUZZ_SECONDS, default 20),
#      two at once;
#   4. check the Debian package (scripts/check-package.sh).
# The Release package (scripts/package.sh) builds in the background at the lowest priority during
# 1 and 2. Every stage gates: any failing test, sanitizer
# report, fuzzer finding or package problem makes the run fail. Per-stage wall and CPU times, with
# the load average, go to build/ci-times.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"

scripts/deps.sh test
scripts/check-format.sh  # seconds; an unformatted change fails before anything is built
export QT_QPA_PLATFORM=offscreen
export FW_JOBS="${FW_JOBS:-$(nproc)}"
build="$root/build/ci"
mkdir -p build
times=build/ci-times.txt
: >"$times"

# PostgreSQL for the shared-store tests; stopped (and the background builds ended) whatever happens.
eval "$(scripts/pg-test-server.sh start)"
background_pid=""
cleanup() {
  [ -n "$background_pid" ] && kill -- "-$background_pid" 2>/dev/null
  scripts/pg-test-server.sh stop "$FW_PG_DIR"
}
trap cleanup EXIT

step() { printf '\n== %s (%s)\n' "$1" "$(date +%T)"; }
# timed NAME CMD...: runs CMD, appends "NAME wall cpu load exit" to $times (cpu: the user+system
# time of the processes it waited for, so the build's compilers and the tests' children count).
timed() {
  local name="$1" start c0 status=0
  shift
  start=$(date +%s.%N)
  cpu_seconds; c0=$cpu
  "$@" || status=$?
  cpu_seconds
  printf '%-14s wall=%5ss  cpu=%5ss  load(1/5/15 min)=%s  exit=%s\n' "$name" \
    "$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN {printf "%.0f", b - a}')" \
    "$((cpu - c0))" "$(cut -d' ' -f1-3 /proc/loadavg)" "$status" >>"$times"
  return "$status"
}
# Sets cpu to the children's user + system seconds so far. `times` must run in this shell (in a
# $(...) subshell it would see that subshell's children only); its second line reads "1m2.5s 0m3.1s".
cpu_seconds() {
  times >"$times.raw"
  cpu=$(awk 'NR == 2 {gsub(/[ms]/, " "); printf "%.0f", $1 * 60 + $2 + $3 * 60 + $4}' "$times.raw")
}

# The package is a Release build: it cannot use an object of build/ci. It builds at the lowest
# priority from the start, in the CPU time the ASan build and the tests leave idle (the build's
# serial links, the tests' waits on child processes, servers and timeouts); it writes its exit
# status to build/package-build.status, and its check comes after the tests.
step "in the background: the Release package (build/package)"
rm -f build/package-build.status
set -m  # the background build gets its own process group, so cleanup can end all of it
(
  trap - EXIT
  status=0
  timed package-build nice -n 19 scripts/package.sh >build/package-build.log 2>&1 || status=$?
  echo "$status" >build/package-build.status
) &
background_pid=$!
set +m

step "build under ASan + UBSan, with the GUI (build/ci)"
timed build env FW_ASAN_BUILD="$build" scripts/asan.sh --build-only

# The later stages always run, so one red run shows every problem; the verdict comes last.
step "all tests under ASan + UBSan, GUI tests offscreen"
test_status=0
timed tests env FW_ASAN_BUILD="$build" scripts/asan.sh --no-build --no-tests=error \
  2>&1 | tee build/ci-ctest.log || test_status=$?

step "fuzzing, ${FW_FUZZ_SECONDS:-20} s per target"
fuzz_status=0
if [ -x "$build/fuzz/fuzz_feed" ]; then  # the ASan build linked them (clang)
  timed fuzz env FW_FUZZ_BUILD="$build" scripts/fuzz.sh --no-build "${FW_FUZZ_SECONDS:-20}" || fuzz_status=$?
else  # a gcc ASan build (FW_ASAN_CXX): the fuzz targets need their own clang build
  timed fuzz env FW_FUZZ_BUILD="$root/build/ci-fuzz" scripts/fuzz.sh "${FW_FUZZ_SECONDS:-20}" || fuzz_status=$?
fi

step "Debian package: build and check"
wait "$background_pid" || true
background_pid=""
package_status=$(cat build/package-build.status 2>/dev/null || echo 1)
[ "$package_status" = 0 ] && { timed package-check scripts/check-package.sh >build/package-check.log 2>&1 ||
  package_status=$?; }
tail -n 12 build/package-check.log 2>/dev/null || true
[ "$package_status" = 0 ] || tail -n 20 build/package-build.log >&2

step "done"
cat "$times"
tests=$(grep -o '[0-9]*% tests passed, [0-9]* tests failed out of [0-9]*' build/ci-ctest.log | tail -1)
echo "Tests: ${tests:-no ctest summary} (ASan + UBSan, GUI included); fuzzing: $([ "$fuzz_status" = 0 ] && echo clean || echo FAILED)"
[ "$test_status" = 0 ] || echo "test.sh: tests failed (exit $test_status): build/ci-ctest.log" >&2
[ "$fuzz_status" = 0 ] || echo "test.sh: fuzzing found a problem (exit $fuzz_status); see the output above" >&2
[ "$package_status" = 0 ] ||
  echo "test.sh: the Debian package stage failed (exit $package_status): build/package-build.log, build/package-check.log" >&2
[ "$test_status" = 0 ] && [ "$fuzz_status" = 0 ] && [ "$package_status" = 0 ]
