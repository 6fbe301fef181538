#!/usr/bin/env bash
# Builds the Debian package: a Release build in build/package with the packaging extras (man
# pages and completions generated from the programs' --help, PNG icons rendered from the SVG),
# then CPack. Prints the path of build/package/frontierwatch_VERSION_ARCH.deb.
# Check it with scripts/check-package.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/deps.sh build
build=build/package
jobs="${FW_JOBS:-$(nproc)}"
CMAKE_CXX_COMPILER_LAUNCHER="${CMAKE_CXX_COMPILER_LAUNCHER:-$(command -v ccache || true)}" \
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr -DFW_PACKAGE=ON >/dev/null
cmake --build "$build" -j"$jobs" --target frontierwatch frontierwatch-gui fw_package_files
rm -f "$build"/frontierwatch_*.deb
(cd "$build" && cpack -G DEB >/dev/null)
deb="$(ls "$build"/frontierwatch_*.deb)"
echo "$deb"
