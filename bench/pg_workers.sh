#!/bin/bash
# Sources per minute with 1, 2 and 3 `frontierwatch watch` workers sharing one PostgreSQL
# database on this machine (docs/teams.md). Feeds are served by python3's http.server on
# loopback ports (HOSTS of them: politeness spaces requests to one host 1 s apart, across all
# workers). Uses $FW_PG_URL, else starts a throwaway cluster (scripts/pg-test-server.sh).
#
#   bench/pg_workers.sh BUILD_DIR [SOURCES=500] [HOSTS=100]
set -euo pipefail
build=${1:?usage: bench/pg_workers.sh BUILD_DIR [SOURCES] [HOSTS]}
sources=${2:-500}
hosts=${3:-100}
here=$(cd "$(dirname "$0")/.." && pwd)
fw="$build/cli/frontierwatch"
work=$(mktemp -d /tmp/fw-pg-bench-XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  if [ -n "${FW_PG_DIR:-}" ] && [ -n "${started_pg:-}" ]; then "$here/scripts/pg-test-server.sh" stop "$FW_PG_DIR"; fi
  rm -rf "$work"
}
trap cleanup EXIT

if [ -z "${FW_PG_URL:-}" ]; then
  eval "$("$here/scripts/pg-test-server.sh" start)"; started_pg=1
fi

# Feeds: one file per source, two items each; one http.server per "host" (port).
mkdir -p "$work/www"
for ((i = 0; i < sources; i++)); do
  printf '<?xml version="1.0"?><rss version="2.0"><channel><title>F%d</title><link>http://example.org/</link><item><title>Post %d a</title><guid>%d-a</guid><link>http://example.org/%d/a</link></item><item><title>Post %d b</title><guid>%d-b</guid><link>http://example.org/%d/b</link></item></channel></rss>\n' \
    "$i" "$i" "$i" "$i" "$i" "$i" "$i" > "$work/www/f$i.xml"
done
ports=()
for ((h = 0; h < hosts; h++)); do
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  python3 -m http.server --bind 127.0.0.1 --directory "$work/www" "$port" >/dev/null 2>&1 &
  pids+=($!); ports+=("$port")
done
{
  echo '<?xml version="1.0"?><opml version="2.0"><head><title>bench</title></head><body>'
  for ((i = 0; i < sources; i++)); do
    echo "<outline type=\"rss\" text=\"s$i\" title=\"s$i\" xmlUrl=\"http://127.0.0.1:${ports[$((i % hosts))]}/f$i.xml\"/>"
  done
  echo '</body></opml>'
} > "$work/sources.opml"
sleep 1

admin=$FW_PG_URL
base=${admin%/*}
echo "sources=$sources hosts=$hosts machine=$(nproc) cores"
for workers in 1 2 3; do
  db="fw_bench_${workers}_$$"
  psql -q "$admin" -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
  url="$base/$db"
  "$fw" -q --db "$url" init
  "$fw" -q --db "$url" sources import "$work/sources.opml" >/dev/null
  start=$(date +%s.%N)
  wpids=()
  for ((w = 0; w < workers; w++)); do
    "$fw" -q --db "$url" watch --worker-id "b$w" --every 1s --until-idle 2>/dev/null &
    wpids+=($!)
  done
  for p in "${wpids[@]}"; do wait "$p"; done
  end=$(date +%s.%N)
  fetched=$(psql -tA "$url" -c "SELECT COUNT(*) FROM fetch_log WHERE status = 'ok'")
  python3 -c "import sys; t=$end-$start; print(f'workers={$workers} fetched={$fetched} seconds={t:.1f} sources_per_minute={$fetched/t*60:.0f}')"
  psql -q "$admin" -c "DROP DATABASE $db WITH (FORCE)"
done
