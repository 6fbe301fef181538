#!/bin/sh
# Scores the blind sets: each set's items through fw_extract_probe (one memory, as one fetch of
# several feeds), compared with its answer key by score.py. Prints one summary line per set;
# `run.sh BUILD_DIR SET` prints that set's per-item errors too. A set is SET.tsv (one line per
# item) or feeds/SET/ (whole feed files in real feeds' texture, read with --feeds).
#   bench/extract_accuracy/blind/run.sh [BUILD_DIR] [SET]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-build/main}
probe="$build/bench/extract_accuracy/fw_extract_probe"
[ -x "$probe" ] || { echo "run.sh: no $probe (build the project first)" >&2; exit 1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for set in ${2:-A B C D E F G H I J K L M N O P Q R S T U V W X Y Z AA}; do
    if [ -d "$here/feeds/$set" ]; then
        "$probe" --one-memory --feeds "$here/feeds/$set/manifest.tsv" > "$out/$set.out"
        key="$here/feeds/$set/key.jsonl"
    else
        "$probe" --one-memory < "$here/$set.tsv" > "$out/$set.out"
        key="$here/$set.key.jsonl"
    fi
    if [ -n "${2:-}" ]; then
        python3 "$here/score.py" "$out/$set.out" "$key"
    else
        printf '%s: ' "$set"
        python3 "$here/score.py" "$out/$set.out" "$key" | grep -E '^ALL' | tr -s ' '
    fi
done
