#!/usr/bin/env bash
# Installs the Debian 12 packages Frontier Watch needs, only those missing.
# Usage: scripts/deps.sh [build|test|bench]  (test and bench add their extra tools)
set -euo pipefail

packages=(g++ cmake make ninja-build pkg-config libcurl4-openssl-dev libsqlite3-dev libpugixml-dev
          nlohmann-json3-dev libcli11-dev catch2 libgumbo-dev libdtl-dev libcpp-httplib-dev
          qt6-base-dev qt6-charts-dev libqt6opengl6-dev libgl-dev libpq-dev
          libfasttext-dev fasttext  # the kind classifier beside the grammar (extract/classifier.h; CLI trains it)
          dpkg-dev help2man librsvg2-bin)  # the .deb: shlibdeps, man pages from --help, PNG icons
case "${1:-build}" in
  test)  packages+=(clang clang-format libclang-rt-14-dev lld postgresql
                    desktop-file-utils zsh) ;;  # scripts/check-package.sh checks the .deb with them
  bench) packages+=(python3-feedparser newsboat hyperfine) ;;
esac

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing: ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
