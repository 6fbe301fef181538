#!/usr/bin/env bash
# Every test: install what is missing, check the formatting (scripts/check-format.sh), start a
# throwaway PostgreSQL, then
#   1. build with the GUI and run all tests, GUI tests offscreen;
#   2. build the Qt-free core and CLI under AddressSanitizer + UBSan and run all tests again
#      (this also proves the core builds without Qt);
#   3. run each libFuzzer target for a bounded time ($FW_FUZZ_SECONDS, default 20);
#   4. build the Debian package and check it (scripts/package.sh, scripts/check-package.sh).
# Every stage gates: any failing test, sanitizer report or fuzzer crash makes the run fail.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"

scripts/deps.sh test
scripts/check-format.sh  # seconds; an unformatted change fails before anything is built
export QT_QPA_PLATFORM=offscreen
export FW_JOBS="${FW_JOBS:-$(nproc)}"

# PostgreSQL for the shared-store tests; stopped whatever happens.
eval "$(scripts/pg-test-server.sh start)"
trap 'scripts/pg-test-server.sh stop "$FW_PG_DIR"' EXIT

step() { printf '\n== %s (%s)\n' "$1" "$(date +%T)"; }

step "build with the GUI"
cmake -S . -B build/ci -DCMAKE_BUILD_TYPE=Debug >/dev/null
cmake --build build/ci -j"$FW_JOBS"
step "all tests"
ctest --test-dir build/ci --output-on-failure --no-tests=error -j"$FW_JOBS" --timeout 900 | tee build/ci-ctest.log

# Both later stages always run, so one red run shows every problem; the verdict comes last.
step "Qt-free core under AddressSanitizer + UBSan"
# The 200-kill loop already ran above; under ASan a shorter loop keeps CI within its time.
asan_status=0
FW_KILL_ITERATIONS=50 FW_ASAN_BUILD="$root/build/asan" scripts/asan.sh --no-tests=error \
  > build/asan-ctest.log 2>&1 || asan_status=$?
tail -n 30 build/asan-ctest.log

step "fuzzing, ${FW_FUZZ_SECONDS:-20} s per target"
fuzz_status=0
FW_FUZZ_BUILD="$root/build/fuzz" scripts/fuzz.sh "${FW_FUZZ_SECONDS:-20}" || fuzz_status=$?
# ---- Debian package (issue 17, packaging): the last gate, brief output; logs in build/package-*.log
step "Debian package: build and check"
package_status=0
{ scripts/package.sh > build/package-build.log 2>&1 && scripts/check-package.sh > build/package-check.log 2>&1; } ||
  package_status=$?
tail -n 12 build/package-check.log 2>/dev/null || true
[ "$package_status" = 0 ] || tail -n 20 build/package-build.log >&2
# ---- end of the package stage

step "done"
# One closing line over both ctest runs (pipefail above already stopped on a failing first run).
passed=$(grep -h -o 'tests passed, [0-9]* tests failed out of [0-9]*' build/ci-ctest.log build/asan-ctest.log |
         awk '{p += $NF - $3; f += $3} END {print p " passed, " f " failed"}')
echo "Tests: $passed (with the GUI, then under ASan+UBSan); fuzzing: $([ "$fuzz_status" = 0 ] && echo clean || echo FAILED)"
if [ "$asan_status" != 0 ]; then
  echo "test.sh: the AddressSanitizer + UBSan stage failed (exit $asan_status): build/asan-ctest.log" >&2
fi
if [ "$fuzz_status" != 0 ]; then
  echo "test.sh: fuzzing found a problem (exit $fuzz_status); see the output above" >&2
fi

if [ "$package_status" != 0 ]; then  # (package stage)
  echo "test.sh: the Debian package stage failed (exit $package_status): build/package-build.log, build/package-check.log" >&2
fi
[ "$asan_status" = 0 ] && [ "$fuzz_status" = 0 ] && [ "$package_status" = 0 ]
