#!/usr/bin/env bash
# Fetch the same loopback feeds with fw_fetch_bench and with `newsboat -x reload` (Debian
# newsboat), first with empty caches (all 200) and then again (conditional GET, all 304), and
# print the times and ratios. Both parse what they fetch (fw_fetch_bench --parse); newsboat also
# writes its SQLite cache, which ours does not. Prints, never asserts.
#
#   bench/compare_fetch.sh [BUILD_DIR] [FEEDS] [HOSTS] [NEWSBOAT_THREADS]
set -euo pipefail
build=${1:-build}
feeds=${2:-2000}
hosts=${3:-20}
threads=${4:-16}
bench="$build/bench/ingest/fw_fetch_bench"
[ -x "$bench" ] || { echo "compare_fetch.sh: $bench not built (cmake --build $build --target fw_fetch_bench)" >&2; exit 1; }
command -v newsboat >/dev/null || { echo "compare_fetch.sh: newsboat not installed" >&2; exit 1; }

. "$(dirname "$0")/loopback_feeds.sh"
start_loopback_feeds "$bench" "$feeds" "$hosts"

echo "== frontierwatch (fw_fetch_bench --parse)"
"$bench" --urls "$work/urls" --parse | tee "$work/fw.txt"
fw1=$(awk '/^first run/ {print $4}' "$work/fw.txt")
fw2=$(awk '/^second run/ {print $4}' "$work/fw.txt")

echo "== newsboat $(newsboat -v 2>/dev/null | head -1 | awk '{print $2}') -x reload, reload-threads $threads"
printf 'reload-threads %s\n' "$threads" > "$work/config"
elapsed() {
    local start=$EPOCHREALTIME
    newsboat -u "$work/urls" -c "$work/cache.db" -C "$work/config" -x reload >/dev/null 2>"$work/nb.err" || true
    echo "$EPOCHREALTIME - $start" | bc -l
}
nb1=$(elapsed)
nb2=$(elapsed)
printf 'first run (200)          %8.3f s\nsecond run (validators)  %8.3f s\n' "$nb1" "$nb2"
items=$(sqlite3 "$work/cache.db" 'select count(*) from rss_item;' 2>/dev/null || echo '?')
echo "items in newsboat cache  $items"

echo "== ratio newsboat / frontierwatch (higher = frontierwatch faster)"
printf 'first run   %6.2f x\nsecond run  %6.2f x\n' "$(echo "$nb1 / $fw1" | bc -l)" "$(echo "$nb2 / $fw2" | bc -l)"
