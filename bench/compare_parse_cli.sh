#!/usr/bin/env bash
# Whole program: `frontierwatch parse FILE` and `frontierwatch --json parse FILE` against
# python3-feedparser (Debian) on two ~20 MB, 10,000-entry feeds (Atom and RSS; fw_parse_bench
# --write-large), in the same run: median wall and CPU time of RUNS (feedparser: one run, ~20 s)
# and the load average beside it. Prints ratios, never asserts.
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

# Median of N runs of a command: "WALL CPU" in seconds (CPU = user + sys, from /usr/bin/time),
# each the median of its own column. Medians, not bests: the machine is shared and a best of a
# few runs is a lucky draw.
median_of() {
    local n=$1; shift
    local walls="" cpus=""
    for _ in $(seq "$n"); do
        local t
        t=$(/usr/bin/time -f '%e %U %S' "$@" 2>&1 >/dev/null | tail -1)
        walls+="$(echo "$t" | awk '{ print $1 }')"$'\n'
        cpus+="$(echo "$t" | awk '{ printf "%.2f", $2 + $3 }')"$'\n'
    done
    local mid=$(((n + 1) / 2))
    echo "$(printf '%s' "$walls" | sort -g | sed -n "${mid}p") $(printf '%s' "$cpus" | sort -g | sed -n "${mid}p")"
}

echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for f in large_atom large_rss; do
    file="$work/$f.xml"
    size=$(stat -c %s "$file")
    read -r fp fp_cpu < <(median_of 1 /usr/bin/python3 -c "import feedparser,sys; feedparser.parse(open(sys.argv[1],'rb').read())" "$file")
    read -r plain plain_cpu < <(median_of "$runs" "$fw" parse "$file")
    read -r json json_cpu < <(median_of "$runs" "$fw" parse "$file" --json)
    printf '%-10s %5.1f MB  feedparser %6.2f s (CPU %6.2f)  parse %5.2f s (CPU %4.2f, %5.1fx)  parse --json %5.2f s (CPU %4.2f, %5.1fx)  [median wall of %d; x = feedparser wall / ours]\n' \
        "$f" "$(echo "$size / 1000000" | bc -l)" "$fp" "$fp_cpu" "$plain" "$plain_cpu" "$(echo "$fp / $plain" | bc -l)" \
        "$json" "$json_cpu" "$(echo "$fp / $json" | bc -l)" "$runs"
    echo "RESULT ${f}_parse_x $(echo "$fp / $plain" | bc -l | xargs printf '%.1f')"
    echo "RESULT ${f}_json_x $(echo "$fp / $json" | bc -l | xargs printf '%.1f')"
    echo "RESULT ${f}_parse_cpu_x $(echo "$fp_cpu / $plain_cpu" | bc -l | xargs printf '%.1f')"
    echo "RESULT ${f}_json_cpu_x $(echo "$fp_cpu / $json_cpu" | bc -l | xargs printf '%.1f')"
done
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
