#!/usr/bin/env bash
# Prints the CLI's command tree, read from the program's own --help (CLI11's "Subcommands:" and
# "Options:" sections), so the man page and the completions never drift from the code.
# Output, one line per command path (the root is the empty path):
#   <path words separated by spaces>|<subcommands, space-separated>|<options, space-separated>
# Usage: packaging/cli-tree.sh /path/to/frontierwatch
set -euo pipefail
exe="$1"

# The section parser: names in "Subcommands:", long and short flags in "Options:".
parse() {
  awk '
    /^[A-Za-z].*:$/ { section = $0; next }
    /^$/            { next }
    section == "Subcommands:" && /^  [a-z]/ { subs = subs (subs ? " " : "") $1 }
    section == "Options:" && /^  -/ {
      n = split($1, flags, ",")
      for (i = 1; i <= n; i++) { f = flags[i]; sub(/[: =].*/, "", f); opts = opts (opts ? " " : "") f }
    }
    END { printf "%s|%s\n", subs, opts }'
}

walk() {
  local path="$1" line subs opts
  # shellcheck disable=SC2086  # the path is words on purpose
  line="$("$exe" $path --help | parse)"
  subs="${line%%|*}"
  opts="${line#*|}"
  printf "%s|%s|%s\n" "$path" "$subs" "$opts"
  for s in $subs; do
    walk "${path:+$path }$s"
  done
}

walk ""
