#!/usr/bin/env bash
# Fails when a tracked C++ file is not formatted as .clang-format says (clang-format 14).
#   scripts/check-format.sh          check every tracked .cpp/.h file
#   scripts/check-format.sh --fix    format them in place instead
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files '*.cpp' '*.h' | grep -v '^tests/data/')
if [ "${1:-}" = "--fix" ]; then
  clang-format -i "${files[@]}"
  exit 0
fi
if ! clang-format --dry-run --Werror "${files[@]}" 2>/tmp/fw-format.$$; then
  grep -o '^[^:]*:[0-9]*' /tmp/fw-format.$$ | cut -d: -f1 | sort -u | sed 's/^/  not formatted: /' >&2
  rm -f /tmp/fw-format.$$
  echo "check-format: run scripts/check-format.sh --fix" >&2
  exit 1
fi
rm -f /tmp/fw-format.$$
echo "format: ${#files[@]} files formatted as .clang-format says"
