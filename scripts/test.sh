#!/usr/bin/env bash
# Every test: install what is missing, build with the GUI and run all tests (GUI tests
# offscreen), then prove the core and CLI build and pass without Qt.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/deps.sh test
export QT_QPA_PLATFORM=offscreen
jobs="$(nproc)"

cmake -S . -B build/ci -DCMAKE_BUILD_TYPE=Debug -DFW_WARNINGS_AS_ERRORS=ON >/dev/null
cmake --build build/ci -j"$jobs"
ctest --test-dir build/ci --output-on-failure --no-tests=error -j"$jobs"

cmake -S . -B build/noqt -DCMAKE_BUILD_TYPE=Debug -DFW_BUILD_UI=OFF >/dev/null
cmake --build build/noqt -j"$jobs"
ctest --test-dir build/noqt --output-on-failure --no-tests=error -j"$jobs"
