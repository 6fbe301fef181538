#!/bin/sh
# Parse throughput of fw_parse_bench vs python3-feedparser on the same files, in the same run.
# Usage: bench/compare_parse.sh [BUILD_DIR] [FILE ...]
#   BUILD_DIR defaults to ./build-release (a Release build with the fw_parse_bench target).
#   Without files: the two synthetic 10k-entry feeds plus, when ../shared exists, the real
#   lab, EDGAR and arXiv feeds of the corpus.
set -eu
BUILD=${1:-build-release}
[ $# -gt 0 ] && shift
BENCH="$BUILD/bench/ingest/fw_parse_bench"
[ -x "$BENCH" ] || { echo "compare_parse: $BENCH not built (cmake --build $BUILD --target fw_parse_bench)" >&2; exit 1; }
# Debian's python3-feedparser lives in the system interpreter (a pyenv python3 may shadow it).
PY=""
for cand in ${PYTHON:-} python3 /usr/bin/python3; do
  if "$cand" -c 'import feedparser' 2>/dev/null; then PY=$cand; break; fi
done
[ -n "$PY" ] || { echo "compare_parse: python3-feedparser missing (apt-get install python3-feedparser)" >&2; exit 1; }

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT INT TERM
if [ $# -eq 0 ]; then
  "$BENCH" --write-synthetic "$WORK"
  set -- "$WORK"/synthetic_atom.xml "$WORK"/synthetic_rss.xml
  SHARED=$(dirname "$0")/../../shared/corpus/realworld
  if [ -d "$SHARED" ]; then
    set -- "$@" "$SHARED"/ai_lab_feeds/*.xml "$SHARED"/sec_edgar/*.xml "$SHARED"/arxiv/api_2026/q_*.xml
  fi
fi

echo "== frontierwatch (parse_feed: decode + parse + normalise, best of 5, one core)"
OURS=$("$BENCH" --runs 5 "$@" | tee /dev/stderr | awk '/^TOTAL/ { for (i = 1; i <= NF; i++) if ($i == "in") print $(i+1) }')

echo "== python3-feedparser $("$PY" -c 'import feedparser; print(feedparser.__version__)') (best of 3, CPU time)"
THEIRS=$("$PY" - "$@" <<'PY'
import sys, time, feedparser
total = 0.0
for path in sys.argv[1:]:
    data = open(path, 'rb').read()
    best = None
    for _ in range(3):
        t0 = time.process_time()
        d = feedparser.parse(data)
        t = time.process_time() - t0
        best = t if best is None else min(best, t)
    total += best
    print(f"{path.rsplit('/', 1)[-1]:48s} {len(d.entries):6d} entries {best*1e3:10.1f} ms {len(data)/best/1e6:8.2f} MB/s", file=sys.stderr)
print(f"{total:.4f}")
PY
)
echo "TOTAL feedparser: $THEIRS s"
awk -v a="$OURS" -v b="$THEIRS" 'BEGIN { printf "ratio: frontierwatch is %.1fx faster than feedparser (%.4f s vs %.4f s)\n", b / a, a, b }'
