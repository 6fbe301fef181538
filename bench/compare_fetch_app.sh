#!/usr/bin/env bash
# Fetch + store through the path users run: `frontierwatch --db FILE fetch --all` (app::fetch_sources:
# libcurl multi fetch, parse, upsert into SQLite, source health, event derivation) against
# `newsboat -x reload` (Debian newsboat, its own SQLite cache) on the same loopback URLs, in the
# same run. Sources come from a generated OPML (`sources import`). Each tool runs twice: first
# with empty caches (all 200), then again (validators: all 304). Prints wall, CPU and peak RSS
# from /usr/bin/time and the ratios. Measures, never asserts.
#
#   bench/compare_fetch_app.sh [BUILD_DIR] [FEEDS=2000] [HOSTS=20] [NEWSBOAT_THREADS=16]
# Output lines starting with "RESULT" are read by bench/run_all.sh.
set -euo pipefail
build=${1:-build-perf}
feeds=${2:-2000}
hosts=${3:-20}
threads=${4:-16}
fw="$build/cli/frontierwatch"
server_bin="$build/bench/ingest/fw_fetch_bench"
for b in "$fw" "$server_bin"; do
    [ -x "$b" ] || { echo "compare_fetch_app.sh: $b not built" >&2; exit 1; }
done
command -v newsboat >/dev/null || { echo "compare_fetch_app.sh: newsboat not installed (apt-get install newsboat)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "compare_fetch_app.sh: /usr/bin/time missing (apt-get install time)" >&2; exit 1; }

. "$(dirname "$0")/loopback_feeds.sh"
start_loopback_feeds "$server_bin" "$feeds" "$hosts"

{
    echo '<?xml version="1.0" encoding="UTF-8"?>'
    echo '<opml version="2.0"><head><title>bench</title></head><body>'
    awk '{ printf "<outline type=\"rss\" text=\"feed-%d\" xmlUrl=\"%s\"/>\n", NR, $0 }' "$work/urls"
    echo '</body></opml>'
} > "$work/feeds.opml"
db="$work/fw.db"
"$fw" --db "$db" -q sources import "$work/feeds.opml" >/dev/null

# One timed command: prints "wall user sys maxrss_kib".
timed() {
    /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" >/dev/null 2>"$work/err" || {
        echo "compare_fetch_app.sh: '$*' failed:" >&2; tail -5 "$work/err" >&2; }
    cat "$work/time"
}

# No politeness spacing, as newsboat has none (the default is 1 s between requests to a host).
fw1=$(timed "$fw" --db "$db" -q fetch --all --host-interval-ms 0)
fw_items=$(sqlite3 "$db" 'select count(*) from items;')
fw_changes_before=$(sqlite3 "$db" 'select count(*) from item_versions;')
fw2=$(timed "$fw" --db "$db" -q fetch --all --host-interval-ms 0)
fw_items2=$(sqlite3 "$db" 'select count(*) from items;')
fw_versions2=$(sqlite3 "$db" 'select count(*) from item_versions;')
fw_not_modified=$(sqlite3 "$db" "select count(*) from sources where last_status = 'not_modified';" 2>/dev/null || echo '?')

printf 'reload-threads %s\n' "$threads" > "$work/config"
nb() { timed newsboat -u "$work/urls" -c "$work/cache.db" -C "$work/config" -x reload; }
nb1=$(nb)
nb_items=$(sqlite3 "$work/cache.db" 'select count(*) from rss_item;' 2>/dev/null || echo '?')
nb2=$(nb)

show() {  # label, "wall user sys rss"
    read -r wall user sys rss <<<"$2"
    printf '%-34s %8.2f s wall %8.2f s CPU %8.1f MiB peak RSS\n' "$1" "$wall" "$(echo "$user + $sys" | bc -l)" "$(echo "$rss / 1024" | bc -l)"
}
echo "== fetch + store, $feeds feeds over $hosts loopback hosts (same run)"
show "frontierwatch fetch --all (200)" "$fw1"
show "frontierwatch fetch --all (304)" "$fw2"
show "newsboat -x reload (200)" "$nb1"
show "newsboat -x reload (304)" "$nb2"
echo "items stored: frontierwatch $fw_items (after re-run $fw_items2, versions $fw_changes_before -> $fw_versions2), newsboat $nb_items"
echo "sources answered 304 on the re-run: $fw_not_modified"
w() { echo "$1" | awk '{print $1}'; }
echo "RESULT fw_first_s $(w "$fw1")"
echo "RESULT fw_second_s $(w "$fw2")"
echo "RESULT nb_first_s $(w "$nb1")"
echo "RESULT nb_second_s $(w "$nb2")"
echo "RESULT fw_peak_mib $(echo "$(echo "$fw1" | awk '{print $4}') / 1024" | bc -l | xargs printf '%.1f')"
echo "RESULT fw_second_over_first $(echo "$(w "$fw2") / $(w "$fw1")" | bc -l | xargs printf '%.3f')"
echo "RESULT newsboat_over_fw_first $(echo "$(w "$nb1") / $(w "$fw1")" | bc -l | xargs printf '%.2f')"
