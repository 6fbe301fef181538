#!/usr/bin/env bash
# Cockpit at scale (issue 18 part 4): runs fw_cockpit_bench (offscreen) on the stores that
# bench/scale_store.sh generated (scale-N.db in STORE_DIR), one size after the other, and prints
# its figures per size with RESULT lines named by size for bench/run_all.sh. Prints, never asserts.
#
#   bench/ui/cockpit_scale.sh BUILD_DIR STORE_DIR [SIZES="10000 100000 1000000"]
#
# BUILD_DIR must be configured with -DFW_BUILD_UI=ON and have built fw_cockpit_bench. The
# bench's user + sys CPU time and peak RSS come from /usr/bin/time beside its own figures.
set -euo pipefail
build=${1:?usage: bench/ui/cockpit_scale.sh BUILD_DIR STORE_DIR [SIZES]}
dir=${2:?usage: bench/ui/cockpit_scale.sh BUILD_DIR STORE_DIR [SIZES]}
sizes=${3:-10000 100000 1000000}
bench="$build/bench/ui/fw_cockpit_bench"
[ -x "$bench" ] || { echo "no $bench: configure with -DFW_BUILD_UI=ON and build fw_cockpit_bench" >&2; exit 1; }
here=$(cd "$(dirname "$0")" && pwd)
data=$(dirname "$(dirname "$here")")/data
for n in $sizes; do
    db="$dir/scale-$n.db"
    if [ ! -f "$db.done" ]; then
        echo "no complete store $db: run bench/scale_store.sh BUILD \"$n\" $dir first" >&2
        continue
    fi
    echo "== $n items, $((n / 10)) events (load $(cut -d' ' -f1 /proc/loadavg))"
    tf=$(mktemp)
    QT_QPA_PLATFORM=offscreen /usr/bin/time -f "%e %U %S %M" -o "$tf" "$bench" --db "$db" --data-dir "$data" \
        "${@:4}" | sed "s/^RESULT \([a-z_]*\)/RESULT \1_$n/"
    read -r wall user sys maxkb <"$tf"
    rm -f "$tf"
    echo "whole run: wall $wall s, CPU $(echo "$user + $sys" | bc -l) s, max RSS $((maxkb / 1024)) MB (/usr/bin/time)"
done
