#!/usr/bin/env bash
# Writes the bash and zsh completions of frontierwatch from its command tree (cli-tree.sh).
# Usage: packaging/gen-completion.sh /path/to/frontierwatch OUT_BASH OUT_ZSH
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
exe="$1" out_bash="$2" out_zsh="$3"
tree="$("$here/cli-tree.sh" "$exe")"

# bash: the words typed so far (options and their values skipped) select a node of the tree;
# its subcommands and options are offered, and files when nothing matches (complete -o default).
{
  echo '# bash completion for frontierwatch, generated from its --help by packaging/gen-completion.sh'
  echo '_frontierwatch() {'
  echo '    local cur="${COMP_WORDS[COMP_CWORD]}" path="" i w'
  echo '    for ((i = 1; i < COMP_CWORD; i++)); do'
  echo '        w="${COMP_WORDS[i]}"'
  echo '        case "$w" in -*) continue ;; esac'
  echo '        case "${path:+$path }$w" in'
  while IFS='|' read -r path subs opts; do
    [ -n "$path" ] && echo "            '$path') path='$path' ;;"
  done <<< "$tree"
  echo '        esac'
  echo '    done'
  echo '    local subs="" opts=""'
  echo '    case "$path" in'
  while IFS='|' read -r path subs opts; do
    echo "        '$path') subs='$subs'; opts='$opts' ;;"
  done <<< "$tree"
  echo '    esac'
  echo '    # Options when a dash is typed, else the subcommands, else files (complete -o default).'
  echo '    case "$cur" in'
  echo '        -*) COMPREPLY=($(compgen -W "$opts" -- "$cur")) ;;'
  echo '        *) COMPREPLY=($(compgen -W "$subs" -- "$cur")) ;;'
  echo '    esac'
  echo '}'
  echo 'complete -o default -F _frontierwatch frontierwatch'
} > "$out_bash"

# zsh: one _arguments state machine over the same tree; option descriptions stay in --help.
{
  echo '#compdef frontierwatch'
  echo '# zsh completion for frontierwatch, generated from its --help by packaging/gen-completion.sh'
  echo '_frontierwatch() {'
  echo '    local path="" w i'
  echo '    for ((i = 2; i < CURRENT; i++)); do'
  echo '        w="${words[i]}"'
  echo '        [[ "$w" == -* ]] && continue'
  echo '        case "${path:+$path }$w" in'
  while IFS='|' read -r path subs opts; do
    [ -n "$path" ] && echo "            '$path') path='$path' ;;"
  done <<< "$tree"
  echo '        esac'
  echo '    done'
  echo '    local -a subs opts'
  echo '    case "$path" in'
  while IFS='|' read -r path subs opts; do
    echo "        '$path') subs=($subs); opts=($opts) ;;"
  done <<< "$tree"
  echo '    esac'
  echo '    if [[ "${words[CURRENT]}" == -* ]]; then'
  echo '        compadd -a opts'
  echo '    elif (( ${#subs} )); then'
  echo '        compadd -a subs'
  echo '    else'
  echo '        _files'
  echo '    fi'
  echo '}'
  echo '_frontierwatch "$@"'
} > "$out_zsh"
