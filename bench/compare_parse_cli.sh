#!/usr/bin/env bash
# Whole program: `frontierwatch parse FILE` and `frontierwatch --json parse FILE` against
# python3-feedparser (Debian) on two ~20 MB, 10,000-entry feeds (Atom and RSS; fw_parse_bench
# --write-large), in the same run, best wall time of RUNS (feedparser: one run) and the
# load average beside it. Prints ratios, never asserts.
#
#   bench/compare_parse_cli.sh [BUILD_DIR=build-perf] [RUNS=5]
# Output lines starting with "RESULT" are read by bench/run_all.sh.
set -euo pipefail
build=${1:-build-perf}
runs=${2:-5}
fw="$build/cli/frontierwatch"
gen="$build/bench/ingest/fw_parse_bench"
for b in "$fw" "$gen"; do
    [ -x "$b" ] || { echo "compare_parse_cli.sh: $b not built" >&2; exit 1; }
done
/usr/bin/python3 -c 'import feedparser' 2>/dev/null || { echo "compare_parse_cli.sh: python3-feedparser missing" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$gen" --write-large "$work"

# Best wall time of N runs of a command, in seconds.
best() {
    local n=$1; shift
    local b=""
    for _ in $(seq "$n"); do
        local s=$EPOCHREALTIME
        "$@" >/dev/null
        local t
        t=$(echo "$EPOCHREALTIME - $s" | bc -l)
        if [ -z "$b" ] || [ "$(echo "$t < $b" | bc -l)" = 1 ]; then b=$t; fi
    done
    echo "$b"
}

echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for f in large_atom large_rss; do
    file="$work/$f.xml"
    size=$(stat -c %s "$file")
    fp=$(best 1 /usr/bin/python3 -c "import feedparser,sys; feedparser.parse(open(sys.argv[1],'rb').read())" "$file")
    plain=$(best "$runs" "$fw" parse "$file")
    json=$(best "$runs" "$fw" --json parse "$file")
    printf '%-10s %5.1f MB  feedparser %7.2f s  parse %6.3f s (%5.1fx)  --json %6.3f s (%5.1fx)\n' "$f" \
        "$(echo "$size / 1000000" | bc -l)" "$fp" "$plain" "$(echo "$fp / $plain" | bc -l)" "$json" \
        "$(echo "$fp / $json" | bc -l)"
    echo "RESULT ${f}_parse_x $(echo "$fp / $plain" | bc -l | xargs printf '%.1f')"
    echo "RESULT ${f}_json_x $(echo "$fp / $json" | bc -l | xargs printf '%.1f')"
done
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
