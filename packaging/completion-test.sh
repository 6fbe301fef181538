#!/usr/bin/env bash
# Checks the shell completions against the CLI itself: for every command path that --help lists
# (walked independently of the generated files), bash's completion function, run as bash runs it
# on <TAB>, must offer each of its subcommands and, after a dash, each of its long options; the
# zsh file must parse and name every subcommand.
# Usage: packaging/completion-test.sh FRONTIERWATCH BASH_COMPLETION ZSH_COMPLETION
set -euo pipefail
exe="$1" bash_file="$2" zsh_file="$3"
here="$(cd "$(dirname "$0")" && pwd)"
failures=0 checked=0

# shellcheck disable=SC1090
source "$bash_file"
offered() {  # offered PREFIX WORDS...: what <TAB> after WORDS offers for PREFIX
  local prefix="$1"; shift
  COMP_WORDS=(frontierwatch "$@" "$prefix")
  COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
  COMPREPLY=()
  _frontierwatch
  printf '%s\n' "${COMPREPLY[@]}"
}

while IFS='|' read -r path subs opts; do
  # shellcheck disable=SC2086  # the path is words on purpose
  got_subs="$(offered "" $path)"
  for s in $subs; do
    checked=$((checked + 1))
    grep -qx -- "$s" <<< "$got_subs" || { echo "missing: 'frontierwatch ${path:+$path }<TAB>' does not offer $s"; failures=$((failures + 1)); }
    grep -q -- "'${path:+$path }$s'" "$zsh_file" || { echo "missing in zsh completion: ${path:+$path }$s"; failures=$((failures + 1)); }
  done
  # shellcheck disable=SC2086
  got_opts="$(offered "--" $path)"
  for o in $opts; do
    case "$o" in --*) ;; *) continue ;; esac
    checked=$((checked + 1))
    grep -qx -- "$o" <<< "$got_opts" || { echo "missing: 'frontierwatch ${path:+$path }--<TAB>' does not offer $o"; failures=$((failures + 1)); }
  done
done < <("$here/cli-tree.sh" "$exe")

if command -v zsh >/dev/null && ! zsh -n "$zsh_file"; then
  echo "zsh completion does not parse"; failures=$((failures + 1))
fi
[ "$checked" -gt 20 ] || { echo "only $checked words checked: is $exe's --help readable?"; failures=$((failures + 1)); }
echo "completion: $checked words checked, $failures missing"
[ "$failures" -eq 0 ]
