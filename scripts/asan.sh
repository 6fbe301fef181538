#!/usr/bin/env bash
# The whole test suite, GUI tests included, under AddressSanitizer (with LeakSanitizer) and UBSan:
# the one build of every test that scripts/test.sh (so CI) runs.
#   scripts/asan.sh [--build-only|--no-build] [extra ctest args...]   e.g. scripts/asan.sh -R 'robust:'
# Build dir: $FW_ASAN_BUILD (default build/asan); jobs: $FW_JOBS (default: all cores).
# clang (when installed; $FW_ASAN_CXX chooses another) at -O1 with line tables only: sanitizers
# need -O1 to run at a useful speed, and full debug info only makes compiling and linking slower
# (stacks still show file:line). clang, not gcc: the same build compiles in less CPU (the app
# library's unity file: 78 s against 108 s for gcc 12, same flags), and it is the compiler
# libFuzzer needs, so the fuzz targets are linked here from the same objects (-DFW_FUZZ=ON: the
# ingest and domain libraries get coverage instrumentation, the tests ignore it) instead of in a
# second build. An existing build folder keeps the compiler it was configured with.
# Unity batches (FW_UNITY, cmake/FwUnity.cmake) and precompiled headers (FW_PCH) so the heavy
# headers are parsed once per batch; Ninja (a test target's files compile while the libraries it
# links are still building) and lld when installed. ccache is used when present, never needed.
# No benchmark program (FW_BUILD_BENCH=OFF): no test runs one; a default build compiles them.
# Any sanitizer report fails the test that triggered it (UBSan aborts: -fno-sanitize-recover).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
build="${FW_ASAN_BUILD:-$root/build/asan}"
jobs="${FW_JOBS:-$(nproc)}"
phase=all
case "${1:-}" in --build-only) phase=build; shift ;; --no-build) phase=test; shift ;; esac

cxx="${FW_ASAN_CXX:-$(command -v clang++ || echo c++)}"
opts=(-DCMAKE_BUILD_TYPE=Debug -DFW_SANITIZE=address,undefined -DFW_PCH=ON -DFW_UNITY=ON -DFW_BUILD_BENCH=OFF)
if [ ! -f "$build/CMakeCache.txt" ]; then
  opts+=("-DCMAKE_CXX_COMPILER=$cxx")
  case "$("$cxx" --version)" in
    *clang*) opts+=("-DCMAKE_CXX_FLAGS_DEBUG=-O1 -gline-tables-only" -DFW_FUZZ=ON) ;;
    *) opts+=("-DCMAKE_CXX_FLAGS_DEBUG=-O1 -g1") ;;
  esac
fi
command -v ld.lld >/dev/null && opts+=(-DCMAKE_EXE_LINKER_FLAGS=-fuse-ld=lld)
# The generator of an existing build folder cannot change: Ninja for new folders only.
command -v ninja >/dev/null && [ ! -f "$build/CMakeCache.txt" ] && opts+=(-G Ninja)
if command -v ccache >/dev/null && [ -z "${CCACHE_DISABLE:-}" ]; then
  opts+=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  # Precompiled headers are cacheable only with these (ccache manual, "Precompiled headers").
  export CCACHE_SLOPPINESS="${CCACHE_SLOPPINESS:-pch_defines,time_macros,include_file_mtime,include_file_ctime}"
fi
mkdir -p "$(dirname "$build")"
if [ "$phase" != test ]; then
  cmake -S "$root" -B "$build" "${opts[@]}" >"$build.configure.log" 2>&1 ||
    { cat "$build.configure.log"; exit 2; }
  cmake --build "$build" -j"$jobs"
  [ "$phase" = build ] && exit 0
fi

# LeakSanitizer: what Qt and the system libraries under it leak by design (scripts/lsan.supp).
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$root/scripts/lsan.supp:print_suppressions=0}"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
# The kill tests kill a fetch 100 times here (200 in a plain build, 1000 in scripts/killtest.sh):
# under ASan each round costs several times more, and the 100 rounds still hit every phase. The
# CLI's loop runs 40 (about 30 s of CPU; 100 take 80 s): each round is a whole `frontierwatch
# fetch` process (ASan start-up, store, taxonomy, LeakSanitizer at exit), against 0.15 s for
# fw_robust_ingest, whose loop runs the same store and parser 100 times. Its fetch now derives
# with an empty taxonomy (tests/robust/kill_test.cpp says why), so the kills land in the fetch and
# the commits instead of 9 in 10 in a derivation that wrote nothing; killtest.sh goes deeper.
export FW_KILL_ITERATIONS="${FW_KILL_ITERATIONS:-100}"
export FW_KILL_ITERATIONS_CLI="${FW_KILL_ITERATIONS_CLI:-40}"
# The tests' temporary databases in memory (tmpfs) when the machine has one: the kill and store
# tests commit thousands of times, and on the reference VM's disk their fsyncs kept the tests
# waiting (I/O pressure above 70%: the two kill loops side by side took 175 and 190 s of wall, for
# about 30 s of CPU each). A SIGKILLed process's writes survive in the page cache either way, so what the kill
# tests check is unchanged (power loss is not what they simulate).
if [ -z "${TMPDIR:-}" ] && [ -d /dev/shm ] && [ -w /dev/shm ]; then
  TMPDIR="$(mktemp -d /dev/shm/fw-tests.XXXXXX)"
  export TMPDIR
  trap 'rm -rf "$TMPDIR"' EXIT
fi
cd "$build"
ctest --output-on-failure -j"$jobs" --timeout 1800 "$@"
