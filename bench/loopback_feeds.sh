# Sourced by the fetch comparisons: a temp folder and the loopback feed servers.
#   start_loopback_feeds FW_FETCH_BENCH FEEDS HOSTS
# Sets $work (removed on exit) and writes the feed URLs to $work/urls, one per line. The servers
# (127.0.0.1..127.0.0.HOSTS, ~20 KB RSS feeds with ETags) run in their own process, so their
# memory and CPU are not counted; they are stopped on exit.
work=$(mktemp -d)
server=""
cleanup() {
    if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

start_loopback_feeds() {
    "$1" --serve "$work/urls" --feeds "$2" --hosts "$3" &
    server=$!
    while [ ! -s "$work/urls" ]; do sleep 0.05; done
}
