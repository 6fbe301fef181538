#!/bin/sh
# Starts a throwaway PostgreSQL cluster for the tests (CI): Debian's initdb/pg_ctl, run as the
# `postgres` user when we are root, listening on 127.0.0.1 only, trust auth, in a temp dir.
# Prints the URL to export; `stop DIR` stops and removes it.
#
#   eval "$(scripts/pg-test-server.sh start)"   # sets FW_PG_URL and FW_PG_DIR
#   ctest ...                                    # store_pg tests use $FW_PG_URL
#   scripts/pg-test-server.sh stop "$FW_PG_DIR"
set -eu

bin=""
for v in 17 16 15 14 13; do
  if [ -x "/usr/lib/postgresql/$v/bin/initdb" ]; then bin="/usr/lib/postgresql/$v/bin"; break; fi
done
[ -n "$bin" ] || { echo "pg-test-server: no PostgreSQL server (apt-get install postgresql)" >&2; exit 1; }

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-start}" in
  start)
    dir=$(mktemp -d /tmp/fw-pg-ci-XXXXXX)
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
    port=${FW_PG_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}
    as_owner "$bin/initdb" -D "$dir/data" -U fw -A trust -E UTF8 --no-sync --no-instructions >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 30 \
      -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir -c fsync=off -c synchronous_commit=off -c max_connections=200" \
      start >/dev/null || { cat "$dir/log" >&2; exit 1; }
    echo "export FW_PG_URL='postgresql://fw@127.0.0.1:$port/postgres'"
    echo "export FW_PG_DIR='$dir'"
    ;;
  stop)
    dir=${2:?usage: pg-test-server.sh stop DIR}
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *)
    echo "usage: pg-test-server.sh start | stop DIR" >&2; exit 2 ;;
esac
