#!/usr/bin/env bash
# Builds the Debian package: a Release build in build/package with the packaging extras (man
# pages and completions generated from the programs' --help, PNG icons rendered from the SVG),
# then CPack. Only the two programs and their libraries are built (no test, no benchmark).
# -O2 as Debian builds its packages (CMake's Release default, -O3, compiles slower for no gain
# that matters here), in unity batches (FW_UNITY, cmake/FwUnity.cmake: the heavy headers parsed
# and their templates compiled once per batch, not once per file) with Ninja when installed.
# Prints the path of build/package/frontierwatch_VERSION_ARCH.deb.
# Check it with scripts/check-package.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/deps.sh build
build=build/package
jobs="${FW_JOBS:-$(nproc)}"
generator=()  # the generator of an existing build folder cannot change: Ninja for new ones only
command -v ninja >/dev/null && [ ! -f "$build/CMakeCache.txt" ] && generator=(-G Ninja)
CMAKE_CXX_COMPILER_LAUNCHER="${CMAKE_CXX_COMPILER_LAUNCHER:-$(command -v ccache || true)}" \
  cmake -S . -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release "-DCMAKE_CXX_FLAGS_RELEASE=-O2 -DNDEBUG" \
  -DCMAKE_INSTALL_PREFIX=/usr -DFW_PACKAGE=ON -DFW_UNITY=ON \
  -DFW_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" -j"$jobs" --target frontierwatch frontierwatch-gui fw_package_files
rm -f "$build"/frontierwatch_*.deb
(cd "$build" && cpack -G DEB >/dev/null)
deb="$(ls "$build"/frontierwatch_*.deb)"
echo "$deb"
