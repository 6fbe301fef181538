#!/usr/bin/env bash
# The main job: install what is missing, build, run the demo on the bundled snapshot.
# Prints the watch report and the path of the HTML report.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/deps.sh build
cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release -DFW_BUILD_TESTS=OFF >/dev/null
cmake --build build/release -j"$(nproc)" --target frontierwatch frontierwatch-gui >/dev/null
build/release/cli/frontierwatch demo --out "${FW_DEMO_DIR:-frontierwatch-demo}" "$@"
