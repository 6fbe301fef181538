#!/bin/sh
# How event extraction generalises: builds fw_extract_accuracy and runs it on the labelled real
# items (tests/data/extract/labels; the items themselves are in ../shared).
# Usage: bench/extract_accuracy.sh [BUILD_DIR] [-- fw_extract_accuracy options]
#   BUILD_DIR defaults to ./build-release (configured here when missing).
#   Options: --split dev|heldout, --json, --misses, --shared DIR, --labels DIR.
# Without ../shared (a user's clone) it says so and exits 0: the labels point at items that are
# not in the repository.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
BUILD=build-release
if [ $# -gt 0 ] && [ "$1" != "--" ]; then BUILD=$1; shift; fi
[ $# -gt 0 ] && [ "$1" = "--" ] && shift
SHARED=${FW_SHARED_DIR:-$root/../shared}
if [ ! -d "$SHARED/corpus" ]; then
  echo "extract_accuracy: $SHARED/corpus is absent (the labelled items live there); nothing to measure"
  exit 0
fi
cd "$root"
[ -f "$BUILD/CMakeCache.txt" ] || cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DFW_BUILD_UI=OFF >/dev/null
cmake --build "$BUILD" -j2 --target fw_extract_accuracy >/dev/null
exec "$BUILD/bench/extract_accuracy/fw_extract_accuracy" --shared "$SHARED" "$@"
