#!/usr/bin/env bash
# Runs every libFuzzer target for a bounded time and keeps what it finds.
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET ...]     (default 60 s; targets feed date csv hf html)
#   scripts/fuzz.sh --build-only                          (build them, fuzz nothing)
#   scripts/fuzz.sh --no-build [SECONDS] [TARGET ...]     (fuzz targets already built in $FW_FUZZ_BUILD:
#                                                          scripts/test.sh links them in its ASan build)
# Builds with clang into $FW_FUZZ_BUILD (default build-fuzz): -DFW_FUZZ=ON, ASan + UBSan; only the
# libraries the targets need (domain, ingest) are built, with line tables only, in unity batches.
# Seeds: fuzz/seeds/<target>/, the regression fixtures, and ../shared/corpus when present
# (copied at run time into a temp dir; shared files are never committed). Every crash, leak,
# timeout or OOM input is copied to tests/data/fuzz-regressions/<target>/, which the normal
# Catch2 suite "robust" replays in every build. Prints one summary line per target and writes
# them to $FW_FUZZ_BUILD/fuzz-summary.txt. Exit 1 when anything was found.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
build_only=0
no_build=0
case "${1:-}" in --build-only) build_only=1; shift ;; --no-build) no_build=1; shift ;; esac
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(feed date csv hf html)
build="${FW_FUZZ_BUILD:-$root/build-fuzz}"
jobs="${FW_JOBS:-$(nproc)}"   # targets fuzzed at once
timeout_s="${FW_FUZZ_TIMEOUT:-3}"   # an input taking longer is a hang (robustness.md S7)
shared="${FW_SHARED_DIR:-$root/../shared}"

if [ "$no_build" = 1 ]; then
  for t in "${targets[@]}"; do
    [ -x "$build/fuzz/fuzz_$t" ] || { echo "fuzz.sh: no $build/fuzz/fuzz_$t (built with -DFW_FUZZ=ON?)" >&2; exit 2; }
  done
else
  CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -gline-tables-only -DNDEBUG" \
    -DFW_FUZZ=ON -DFW_UNITY=ON -DFW_BUILD_UI=OFF -DFW_BUILD_TESTS=OFF >"$build.configure.log" 2>&1 ||
    { cat "$build.configure.log"; exit 2; }
  cmake --build "$build" -j"$jobs" --target $(printf 'fuzz_%s ' "${targets[@]}") >/dev/null
  [ "$build_only" = 1 ] && exit 0
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/fwfuzz.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# copy_seeds TARGET DIR: fills the run-time corpus of one target.
copy_seeds() {
  local t="$1" dir="$2" corpus="$shared/corpus"
  cp -r "$root/fuzz/seeds/$t/." "$dir/" 2>/dev/null || true
  cp -r "$root/tests/data/fuzz-regressions/$t/." "$dir/" 2>/dev/null || true
  rm -f "$dir/README.md"
  [ -d "$corpus" ] || return 0
  case "$t" in
    feed) find "$corpus" -type f \( -name '*.xml' -o -name '*.rss' -o -name '*.atom' -o -name '*.rdf' \
            -o -name '*.json' \) ! -name '*.serde.json' ! -name '*_expected.json' -size -256k \
            -exec cp -t "$dir" --backup=numbered {} + ;;
    date) [ -f "$corpus/feedparser/date_parsers.tsv" ] &&
            cut -f1 "$corpus/feedparser/date_parsers.tsv" | awk -v d="$dir" '{ f = d "/tsv" NR; printf "%s", $0 > f; close(f) }' ;;
    hf)   find "$corpus/realworld/huggingface" -type f -name '*.json' -size -256k \
            -exec cp -t "$dir" --backup=numbered {} + ;;
    html) find "$corpus/feedparser" -path '*sanitize*' -type f -size -64k -exec cp -t "$dir" --backup=numbered {} + ;;
    csv)  [ -d "$shared/datasets/daily_prices_koi_west" ] &&
            for f in "$shared/datasets/daily_prices_koi_west"/*.csv; do head -c 16384 "$f" >"$dir/$(basename "$f")"; done ;;
  esac
  return 0
}

max_len() { case "$1" in date) echo 256 ;; csv) echo 16384 ;; *) echo 65536 ;; esac; }

summary="$build/fuzz-summary.txt"
: >"$summary"
# run_target TARGET: one libFuzzer process for the bounded time; writes its summary line to
# $work/TARGET/line and exits 1 when it found something.
run_target() {
  local t="$1" corpus="$work/$1/corpus" art="$work/$1/artifacts" log="$work/$1/log" rc seeds execs f
  mkdir -p "$corpus" "$art"
  copy_seeds "$t" "$corpus"
  seeds=$(find "$corpus" -type f | wc -l)
  # -fork would survive crashes but hides per-target exec counts; one process per target.
  set +e
  ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1" UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
    "$build/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout="$timeout_s" -rss_limit_mb=2048 \
    -max_len="$(max_len "$t")" -print_final_stats=1 -artifact_prefix="$art/" "$corpus" >"$log" 2>&1
  rc=$?
  set -e
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  [ -z "$execs" ] && execs=$(grep -o '#[0-9]*' "$log" | tail -1 | tr -d '#')
  local n_found=0 bad=0
  for f in "$art"/*; do
    [ -f "$f" ] || continue
    dest="$root/tests/data/fuzz-regressions/$t"
    mkdir -p "$dest"
    kind="$(basename "$f" | cut -d- -f1)"
    cp "$f" "$dest/$kind-$(sha1sum "$f" | cut -c1-16)"
    n_found=$((n_found + 1))
  done
  if [ "$n_found" -gt 0 ] || { [ "$rc" -ne 0 ] && [ "$rc" -ne 124 ]; }; then
    bad=1
    cp "$log" "$build/fuzz-$t.log"
    echo "  $t: see $build/fuzz-$t.log" >&2
    grep -m3 -E 'ERROR: |runtime error|invariant broken' "$log" >&2 || true
  fi
  echo "$t seconds=$seconds seeds=$seeds execs=${execs:-0} findings=$n_found rc=$rc" >"$work/$t/line"
  return "$bad"
}

# Each target is one single-threaded process: $jobs of them at a time use every core.
found=0
running=0
for t in "${targets[@]}"; do
  if [ "$running" -ge "$jobs" ]; then
    wait -n || found=1
    running=$((running - 1))
  fi
  run_target "$t" &
  running=$((running + 1))
done
while [ "$running" -gt 0 ]; do
  wait -n || found=1
  running=$((running - 1))
done
for t in "${targets[@]}"; do
  cat "$work/$t/line" 2>/dev/null | tee -a "$summary" || { echo "$t: no result" | tee -a "$summary"; found=1; }
done
exit "$found"
