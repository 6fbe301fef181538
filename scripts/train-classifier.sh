#!/bin/sh
# Reproduces data/classifier/kinds.ftz, the kind classifier beside the grammar: builds
# fw_train_classifier and trains on the dev split of tests/data/extract/labels (one thread, fixed
# seed: the same labels and grammar give the same model), then prints its cross-validated dev
# figures and its held-out report. The labelled items live in ../shared, outside the repository.
# Usage: scripts/train-classifier.sh [BUILD_DIR] [-- fw_train_classifier options]
#   BUILD_DIR defaults to ./build-release (configured here when missing).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
BUILD=build-release
if [ $# -gt 0 ] && [ "$1" != "--" ]; then BUILD=$1; shift; fi
[ $# -gt 0 ] && [ "$1" = "--" ] && shift
SHARED=${FW_SHARED_DIR:-$root/../shared}
if [ ! -d "$SHARED/corpus" ]; then
  echo "train-classifier: $SHARED/corpus is absent (the labelled items live there); cannot train." >&2
  echo "The committed data/classifier/kinds.ftz is used as it is." >&2
  exit 1
fi
cd "$root"
[ -f "$BUILD/CMakeCache.txt" ] || cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DFW_BUILD_UI=OFF >/dev/null
cmake --build "$BUILD" -j2 --target fw_train_classifier >/dev/null
exec "$BUILD/bench/extract_accuracy/fw_train_classifier" --shared "$SHARED" \
  --out data/classifier/kinds.ftz --cv --heldout "$@"
