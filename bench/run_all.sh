#!/usr/bin/env bash
# Builds Release and runs every benchmark with its peers in the same run, then prints one table
# of figures, targets (issue 3, "Speed and memory") and ratios. Prints, never asserts.
#
#   bench/run_all.sh [BUILD_DIR=build-perf] [FEEDS=2000] [HOSTS=20]
# BENCH_UI=ON builds the GUI too and runs the cockpit bench (step 2c) on the scale stores, which
# needs SCALE_DIR to keep them.
# Needs: python3-feedparser, newsboat, sqlite3, /usr/bin/time (Debian packages).
# Times are CPU time where the program reports it (the machine may be shared), wall otherwise.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
build=${1:-$root/build-perf}
feeds=${2:-2000}
hosts=${3:-20}
jobs=${JOBS:-2}

ui=${BENCH_UI:-OFF}
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DFW_BUILD_UI="$ui" >/dev/null
ui_target=()
[ "$ui" = ON ] && ui_target=(fw_cockpit_bench)
cmake --build "$build" --target fw_parse_bench fw_store_bench fw_fetch_bench frontierwatch "${ui_target[@]}" -j"$jobs" >/dev/null

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

echo "== 1/4 parse + normalise vs python3-feedparser (bench/compare_parse.sh)"
sh "$here/compare_parse.sh" "$build" 2>&1 | tee "$out/parse.txt"

echo "== 1b whole program: frontierwatch parse / --json parse of 20 MB feeds vs python3-feedparser (bench/compare_parse_cli.sh)"
bash "$here/compare_parse_cli.sh" "$build" 3 2>&1 | tee "$out/parse_cli.txt" || true

echo "== 2/4 SQLite store (fw_store_bench 100000 items, 25 per feed as robustness.md B4)"
"$build/bench/store/fw_store_bench" 100000 25 | tee "$out/store.txt"

echo "== 2a PostgreSQL store, same items (fw_store_pg_bench 100000 25: a throwaway server in a temp dir, or \$FW_PG_URL)"
if cmake --build "$build" --target fw_store_pg_bench -j"$jobs" >/dev/null 2>&1; then
    "$build/bench/store/fw_store_pg_bench" 100000 25 2>&1 | tee "$out/store_pg.txt" || true
else
    echo "skipped: fw_store_pg_bench needs libpq (libpq-dev)" | tee "$out/store_pg.txt"
fi

echo "== 2b scale: items list --search and report --format json at 10k/100k/1M items (bench/scale_store.sh)"
# SCALE_DIR keeps the stores (a few minutes to generate at 1M); SCALE_REUSE=1 measures them again.
bash "$here/scale_store.sh" "$build" "${SCALE_SIZES:-10000 100000 1000000}" "${SCALE_DIR:-}" 2>&1 | tee "$out/scale.txt" || true

touch "$out/cockpit.txt"
if [ "$ui" = ON ] && [ -x "$build/bench/ui/fw_cockpit_bench" ] && [ -n "${SCALE_DIR:-}" ]; then
    echo "== 2c cockpit: first screen, tabs and scrolling offscreen at the same sizes (bench/ui/cockpit_scale.sh)"
    bash "$here/ui/cockpit_scale.sh" "$build" "$SCALE_DIR" "${SCALE_SIZES:-10000 100000 1000000}" 2>&1 | tee "$out/cockpit.txt" || true
else
    echo "== 2c cockpit: skipped (needs BENCH_UI=ON and SCALE_DIR)"
fi

echo "== 3/4 fetch with fw::ingest::Fetcher, no host interval, vs newsboat (bench/compare_fetch.sh)"
bash "$here/compare_fetch.sh" "$build" "$feeds" "$hosts" 2>&1 | tee "$out/fetch_lib.txt" || true

echo "== 4/4 fetch + store through frontierwatch fetch --all vs newsboat (bench/compare_fetch_app.sh)"
bash "$here/compare_fetch_app.sh" "$build" "$feeds" "$hosts" 2>&1 | tee "$out/fetch_app.txt" || true

# ---- table ----
total_field() { awk -v k="$2" '/^TOTAL/ { for (i = 1; i <= NF; i++) if ($(i+1) ~ k) { gsub(",", "", $i); print $i } }' "$1"; }
mbs=$(awk '/^TOTAL [0-9]+ files/ { for (i = 1; i <= NF; i++) if ($i == "MB/s,") print $(i-1) }' "$out/parse.txt")
ips=$(awk '/^TOTAL [0-9]+ files/ { for (i = 1; i <= NF; i++) if ($i == "items/s") print $(i-1) }' "$out/parse.txt")
vs_fp=$(awk '/^ratio:/ { print $4 }' "$out/parse.txt")
ins=$(awk '/^insert, one transaction/ { for (i = 1; i <= NF; i++) if ($i == "CPU" && $(i-1) == "items/s") print $(i-2) }' "$out/store.txt" | head -1)
cpu_rate() { awk -v p="$1" 'index($0, p) == 1 { for (i = 1; i <= NF; i++) if ($i == "CPU" && $(i-1) == "items/s") print $(i-2) }' "$out/store.txt" | head -1; }
ins25=$(cpu_rate "insert, 25 items per transaction")
insb=$(cpu_rate "insert, 25 per upsert, 64 upserts")
floor=$(cpu_rate "SQLite C API alone, same rows:")
nofts=$(cpu_rate "SQLite C API alone, same rows, no FTS")
shaped=$(cpu_rate "SQLite C API alone, fetch-shaped:")
shaped_ours=$(awk -F'ours = ' '/^SQLite C API alone, fetch-shaped:/ { split($2, a, " "); print a[1] " %" }' "$out/store.txt")
pg_rate() { awk -v p="$1" 'index($0, p) == 1 { for (i = 1; i <= NF; i++) if ($i == "CPU" && $(i-1) == "items/s") print $(i-2) }' "$out/store_pg.txt" | head -1; }
pg_rewritten=$(awk -F'rows written: ' '/^re-ingest: transactions/ { print $2 }' "$out/store_pg.txt")
fts_cap=$(awk -F'caps ingest at ' '/^FTS5 indexing alone/ { split($2, a, " "); print a[1] }' "$out/store.txt")
rewritten=$(awk -F'rows written: ' '/^re-ingest/ { print $2 }' "$out/store.txt")
r() { awk -v k="$1" '$1 == "RESULT" && $2 == k { print $3 }' "$out/fetch_app.txt"; }

echo
echo "== summary ($(date -u +%Y-%m-%d), $(nproc) cores, $(uname -m))"
printf '%-52s %14s   %s\n' "figure" "measured" "target"
printf '%-52s %14s   %s\n' "parse + normalise, MB/s (CPU, one core)" "${mbs:-?}" ">= 100"
printf '%-52s %14s   %s\n' "parse + normalise, items/s (CPU, one core)" "${ips:-?}" ">= 100000"
printf '%-52s %14s   %s\n' "parse vs python3-feedparser (x faster)" "${vs_fp:-?}" ">= 50"
pc() { awk -v k="$1" '$1 == "RESULT" && $2 == k { print $3 }' "$out/parse_cli.txt"; }
printf '%-52s %14s   %s\n' "parse FILE, 20 MB Atom, x feedparser (wall)" "$(pc large_atom_parse_x)" ">= 100"
printf '%-52s %14s   %s\n' "parse FILE, 20 MB RSS, x feedparser (wall)" "$(pc large_rss_parse_x)" ">= 100"
printf '%-52s %14s   %s\n' "--json parse FILE, 20 MB Atom, x feedparser (wall)" "$(pc large_atom_json_x)" ">= 50"
printf '%-52s %14s   %s\n' "--json parse FILE, 20 MB RSS, x feedparser (wall)" "$(pc large_rss_json_x)" ">= 50"
printf '%-52s %14s   %s\n' "parse FILE, Atom / RSS, x feedparser (CPU)" "$(pc large_atom_parse_cpu_x) / $(pc large_rss_parse_cpu_x)" ">= 100"
printf '%-52s %14s   %s\n' "--json parse FILE, Atom / RSS, x feedparser (CPU)" "$(pc large_atom_json_cpu_x) / $(pc large_rss_json_cpu_x)" ">= 50"
printf '%-52s %14s   %s\n' "insert with FTS5, items/s (CPU, one transaction)" "${ins:-?}" ">= 10000 (B4)"
printf '%-52s %14s   %s\n' "insert with FTS5, 25/feed, 64 feeds per commit" "${insb:-?}" ">= 25000 (issue 18.3)"
printf '%-52s %14s   %s\n' "insert with FTS5, 25/feed, a commit per feed" "${ins25:-?}" ""
printf '%-52s %14s   %s\n' "SQLite C API alone, same rows, with FTS5" "${floor:-?}" "(the floor)"
printf '%-52s %14s   %s\n' "SQLite C API alone, same rows, no FTS" "${nofts:-?}" ">= 50000 (B4)"
printf '%-52s %14s   %s\n' "SQLite C API alone, fetch-shaped, with FTS5" "${shaped:-?}" "(the floor)"
printf '%-52s %14s   %s\n' "ours, fetch-shaped, share of that floor" "${shaped_ours:-?}" ""
printf '%-52s %14s   %s\n' "FTS5 indexing alone caps any ingest at, items/s" "${fts_cap:-?}" ">= 25000 (issue 18.3)"
printf '%-52s %14s   %s\n' "re-ingest of known items, rows written" "${rewritten:-?}" "0"
printf '%-52s %14s   %s\n' "PostgreSQL, 25/feed, items/s (CPU client + server)" "$(pg_rate "store, 25 per upsert (64")" "(issue 18.3)"
printf '%-52s %14s   %s\n' "  bare libpq COPY of the same rows, items/s" "$(pg_rate "libpq COPY alone, same rows, a COPY")" "(the floor)"
printf '%-52s %14s   %s\n' "  PostgreSQL re-ingest, rows written" "${pg_rewritten:-?}" "0"
sc() { awk -v k="$1" '$1 == "RESULT" && $2 == k { print $3 }' "$out/scale.txt"; }
for n in ${SCALE_SIZES:-10000 100000 1000000}; do
    printf '%-52s %14s   %s\n' "search common word, $n items, s wall / CPU" "$(sc search1_${n}_wall_s) / $(sc search1_${n}_cpu_s)" "< 0.1 (1M, issue 18.4)"
    printf '%-52s %14s   %s\n' "  same search as bare SQL (sqlite3), s wall; same ids" "$(sc search1_${n}_floor_s); $(sc search1_${n}_same)" "(the floor)"
    printf '%-52s %14s   %s\n' "report --format json, $n items, s wall / CPU" "$(sc report_${n}_wall_s) / $(sc report_${n}_cpu_s)" "< 2 (1M, issue 18.4)"
done
ck() { awk -v k="$1" '$1 == "RESULT" && $2 == k { print $3 }' "$out/cockpit.txt"; }
if [ -s "$out/cockpit.txt" ]; then
    for n in ${SCALE_SIZES:-10000 100000 1000000}; do
        printf '%-52s %14s   %s\n' "cockpit first screen, $n items, s wall" "$(ck first_screen_s_${n})" "< 1 (1M, issue 18.4)"
        printf '%-52s %14s   %s\n' "  timeline scroll, median / max ms; stalls > 50 ms" \
            "$(ck scroll_timeline_median_ms_${n}) / $(ck scroll_timeline_max_ms_${n}); $(ck scroll_timeline_stalls_${n})" "no stalls"
        printf '%-52s %14s   %s\n' "  peak RSS, MB" "$(ck rss_peak_mb_${n})" ""
    done
fi
printf '%-52s %14s   %s\n' "fetch+store 200 run, frontierwatch s (wall)" "$(r fw_first_s)" "< newsboat"
printf '%-52s %14s   %s\n' "fetch+store 200 run, newsboat s (wall)" "$(r nb_first_s)" ""
printf '%-52s %14s   %s\n' "newsboat / frontierwatch (x, 200 run)" "$(r newsboat_over_fw_first)" "> 1"
printf '%-52s %14s   %s\n' "304 re-run / first run (frontierwatch)" "$(r fw_second_over_first)" "<= 0.10"
printf '%-52s %14s   %s\n' "peak RSS of the fetch, MiB (frontierwatch)" "$(r fw_peak_mib)" "< 200"
