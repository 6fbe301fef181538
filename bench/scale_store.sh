#!/usr/bin/env bash
# Scale (issue 18.4): generates SQLite stores of N items and N/10 events (default 10k, 100k,
# 1M items) and times `items list --search` and `report --format json` on each, so the growth
# from 10k to 1M can be read (linear or better). Prints, never asserts.
#
#   bench/scale_store.sh BUILD_DIR [SIZES="10000 100000 1000000"] [WORK_DIR: keep the stores there]
#
# With SCALE_REUSE=1 and a WORK_DIR, a store generated there before (scale-N.db, complete) is
# measured again instead of being generated anew (the generation does not depend on the build).
#
# The stores are written with the sqlite3 CLI (Debian package sqlite3) into a schema made by
# `frontierwatch init`: items of 6-word titles and 30-word summaries drawn, Zipf-like, from a
# fixed 8,000-word vocabulary (deterministic: every word comes from the row number), the FTS5
# index rebuilt in one statement, events spread over five years across the taxonomy's labs and
# models. Generating the 1M store takes a few minutes on the 2-core machine.
# The floor printed with each size is the same search as bare SQL through the sqlite3 CLI (wall),
# and "same ids" says whether `items list` showed exactly its ids in its order. Each figure is
# the median of 3 runs, wall and CPU (user + sys); RESULT lines are for bench/run_all.sh.
set -euo pipefail
build=${1:?usage: bench/scale_store.sh BUILD_DIR [SIZES] [WORK_DIR]}
sizes=${2:-10000 100000 1000000}
if [ -n "${3:-}" ]; then
    work=$3  # kept afterwards
    mkdir -p "$work"
else
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
fi
fw="$build/cli/frontierwatch"
[ -x "$fw" ] || { echo "no $fw: build the frontierwatch target" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "needs the sqlite3 CLI" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (Debian package time)" >&2; exit 1; }

# Median of three runs of a command whose output is discarded: "wall cpu" in seconds (cpu = user
# + sys from /usr/bin/time; on a loaded machine the wall time is mostly waiting for a core).
run3() {
    local tf
    tf=$(mktemp)
    for _ in 1 2 3; do
        /usr/bin/time -f "%e %U %S" -o "$tf" "$@" >/dev/null
        awk '{ printf "%s %.3f\n", $1, $2 + $3 }' "$tf"
    done | sort -n | sed -n 2p
    rm -f "$tf"
}

generate() {
    local db=$1 n=$2 events=$(($2 / 10))
    rm -f "$db" "$db-wal" "$db-shm"
    "$fw" --db "$db" -q init >/dev/null
    sqlite3 "$db" >/dev/null <<SQL
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
INSERT INTO sources (id, name, url, kind) VALUES (1, 'scale', 'https://example.org/feed', 'rss');
-- 8,000 words of 3-10 letters, each spelled from its own number.
CREATE TEMP TABLE words (i INTEGER PRIMARY KEY, w TEXT);
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 7999),
 l(i, k, s) AS (SELECT i, 0, '' FROM n
                UNION ALL SELECT i, k + 1, s || char(97 + ((i * 7919 + k * 104729 + k * k * 31) % 26)) FROM l
                WHERE k < 3 + (i * 13) % 8)
INSERT INTO words SELECT i, s FROM l WHERE k = 3 + (i * 13) % 8;
-- Zipf-like pick: the product of two uniform draws favours small word numbers.
CREATE TEMP TABLE picks (id INTEGER, k INTEGER, w TEXT);
WITH RECURSIVE n(id) AS (SELECT 1 UNION ALL SELECT id + 1 FROM n WHERE id < $n),
 k(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM k WHERE k < 35)
INSERT INTO picks SELECT id, k, (SELECT w FROM words WHERE i = ((((id * 2654435761 + k * 40503) % 1000) *
  ((id * 40503 + k * 2654435761 + 7) % 1000)) * 8000) / 1000000) FROM n, k;
-- The payload carries what the items table does not (the title, link and time shown come from it).
INSERT INTO items (id, source_id, native_id, title, link, published, fetched_at, sort_at, content_hash,
                   summary_text, payload)
SELECT id, 1, 'urn:scale:' || id, t, 'https://example.org/posts/' || id, at, 1735689600, at, 'sha256:' || id, s,
       json_object('id', 'urn:scale:' || id, 'title', t, 'link', 'https://example.org/posts/' || id,
                   'published', strftime('%Y-%m-%dT%H:%M:%SZ', at, 'unixepoch'),
                   'authors', json_array('Scale Bench'), 'categories', json_array('ai'))
FROM (SELECT id, 1577836800 + id * (157680000 / $n) AS at,
             group_concat(CASE WHEN k < 6 THEN w END, ' ') AS t,
             group_concat(CASE WHEN k >= 6 THEN w END, ' ') AS s
      FROM picks GROUP BY id);
DROP TABLE picks;
INSERT INTO items_fts (items_fts) VALUES ('rebuild');
-- Events: kinds, labs and models of the taxonomy in turn, one every few hours over five years.
CREATE TEMP TABLE labs AS SELECT row_number() OVER (ORDER BY slug) - 1 AS i, slug FROM entities WHERE kind = 'lab';
CREATE TEMP TABLE models AS SELECT row_number() OVER (ORDER BY slug) - 1 AS i, slug FROM entities WHERE kind = 'model';
WITH RECURSIVE n(id) AS (SELECT 1 UNION ALL SELECT id + 1 FROM n WHERE id < $events),
 kinds(i, kind) AS (VALUES (0, 'model_release'), (1, 'surface_rollout'), (2, 'weights_release'),
   (3, 'license_change'), (4, 'gating_change'), (5, 'eval_report'), (6, 'third_party_eval'))
INSERT INTO events (id, kind, occurred_at, lab, model, title, dedupe_key, detected_at, confidence)
SELECT id, (SELECT kind FROM kinds WHERE i = id % 7), 1577836800 + id * (157680000 / $events),
       (SELECT slug FROM labs WHERE i = id % (SELECT count(*) FROM labs)),
       (SELECT slug FROM models WHERE i = (id * 7) % (SELECT count(*) FROM models)),
       'Scale event ' || id, 'scale:' || id, 1577836800 + id * (157680000 / $events), 0.9
FROM n;
SQL
}

printf '%-9s %-8s %-40s %8s %8s %10s %10s %s\n' "items" "events" "figure" "wall s" "CPU s" "floor s" "same ids" "load"
for n in $sizes; do
    db="$work/scale-$n.db"
    if [ "${SCALE_REUSE:-0}" = 1 ] && [ -f "$db.done" ] && [ -f "$db" ]; then
        printf '%-9s %-8s %-40s %8s %8s %10s %10s %s\n' "$n" "$((n / 10))" "generate (reused)" "-" "-" "-" "-" "-"
    else
        rm -f "$db.done"
        t0=$(date +%s.%N)
        generate "$db" "$n"
        touch "$db.done"
        gen=$(echo "$(date +%s.%N) - $t0" | bc -l)
        load=$(cut -d' ' -f1 /proc/loadavg)
        printf '%-9s %-8s %-40s %8.2f %8s %10s %10s %s\n' "$n" "$((n / 10))" "generate" "$gen" "-" "-" "-" "$load"
    fi
    # The commonest first word of a title, the last word of the middle item, and both together.
    common=$(sqlite3 "$db" "SELECT w FROM (SELECT substr(title, 1, instr(title || ' ', ' ') - 1) AS w FROM items LIMIT 2000) GROUP BY w ORDER BY count(*) DESC LIMIT 1")
    rare=$(sqlite3 "$db" "SELECT summary_text FROM items WHERE id = $((n / 2))" | awk '{ print $NF }')
    k=0
    for q in "$common" "$rare" "$common $rare"; do
        k=$((k + 1))
        read -r t c < <(run3 "$fw" --db "$db" -q items list --search "$q" --limit 50)
        floor_sql="SELECT i.id FROM items i JOIN items_fts f ON f.rowid = i.id WHERE items_fts MATCH '$(printf '"%s" ' $q)' ORDER BY i.sort_at DESC, i.id DESC LIMIT 50"
        read -r f _ < <(run3 sqlite3 "$db" "$floor_sql")
        # The ids shown must be the bare SQL's, in its order.
        if [ "$("$fw" --db "$db" -q items list --search "$q" --limit 50 | awk '{ print $1 }')" = "$(sqlite3 "$db" "$floor_sql")" ]; then
            same=yes
        else
            same=NO
        fi
        printf '%-9s %-8s %-40s %8.3f %8.3f %10.3f %10s %s\n' "$n" "$((n / 10))" "items list --search '$q' (50)" "$t" "$c" "$f" "$same" "$(cut -d' ' -f1 /proc/loadavg)"
        echo "RESULT search${k}_${n}_wall_s $t"
        echo "RESULT search${k}_${n}_cpu_s $c"
        echo "RESULT search${k}_${n}_floor_s $f"
        echo "RESULT search${k}_${n}_same $same"
    done
    read -r t c < <(run3 "$fw" --db "$db" -q report --format json --as-of 2025-01-01)
    printf '%-9s %-8s %-40s %8.3f %8.3f %10s %10s %s\n' "$n" "$((n / 10))" "report --format json" "$t" "$c" "-" "-" "$(cut -d' ' -f1 /proc/loadavg)"
    echo "RESULT report_${n}_wall_s $t"
    echo "RESULT report_${n}_cpu_s $c"
done
[ -n "${3:-}" ] && echo "stores kept in $work"
