#!/usr/bin/env bash
# Writes the man pages of both programs from their own --help with help2man, so they never drift:
# frontierwatch.1 carries a COMMANDS section with every subcommand's --help (walked with
# cli-tree.sh); frontierwatch-gui.1 is the GUI's --help. Pages are gzipped as Debian ships them.
# Usage: packaging/gen-man.sh CLI_EXE GUI_EXE OUT_DIR
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cli="$1" gui="$2" out="$3"
mkdir -p "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# roff-safe literal text: backslashes doubled, a leading dot or quote escaped.
roff() { sed -e 's/\\/\\e/g' -e "s/^\\([.']\\)/\\\\\\&\\1/"; }

{
  echo '[COMMANDS]'
  echo 'Each command takes the global options above before its name, and --help after it.'
  while IFS='|' read -r path _subs _opts; do
    [ -z "$path" ] && continue
    echo ".SS \"frontierwatch $path\""
    echo '.nf'
    # shellcheck disable=SC2086  # the path is words on purpose
    "$cli" $path --help | sed -n '1p;/^Usage:/,$p' | roff
    echo '.fi'
  done < <("$here/cli-tree.sh" "$cli")
  cat "$here/man-extra.h2m"
} > "$work/commands.h2m"

help2man --no-info --section 1 --source "Frontier Watch" --manual "Frontier Watch" \
  --name "track frontier-AI releases, licences, people and market signals" \
  --include "$work/commands.h2m" --output "$work/frontierwatch.1" "$cli"

# The GUI parses its options before it needs a display; offscreen keeps it off any screen.
mkdir -p "$work/bin"
cat > "$work/bin/frontierwatch-gui" <<WRAP
#!/bin/sh
# Qt names the program "<executable_name>" when it parses before a QApplication exists.
QT_QPA_PLATFORM=offscreen "$gui" "\$@" | sed 's/<executable_name>/frontierwatch-gui/'
WRAP
chmod +x "$work/bin/frontierwatch-gui"
help2man --no-info --section 1 --source "Frontier Watch" --manual "Frontier Watch" \
  --name "the Frontier Watch desktop cockpit" --include "$here/man-extra.h2m" \
  --version-string "$("$work/bin/frontierwatch-gui" --version | awk '{print $NF}')" \
  --output "$work/frontierwatch-gui.1" "$work/bin/frontierwatch-gui"

for page in frontierwatch frontierwatch-gui; do
  gzip -9n -c "$work/$page.1" > "$out/$page.1.gz"
done
