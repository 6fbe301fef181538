#!/usr/bin/env bash
# Checks the Debian package that scripts/package.sh made, without touching the system:
#   1. its metadata and file list (dpkg-deb -I / -c): every expected path, Depends non-empty;
#   2. the files themselves: desktop entry (desktop-file-validate), man pages (man -l), user units
#      (systemd-analyze verify), completions (every subcommand offered);
#   3. the installed CLI runs `demo` from another folder: the package is unpacked (dpkg -x) into a
#      throwaway root, laid over /usr in a private mount namespace (the rest of the machine never
#      sees it), with the source tree's data/ hidden, so the program can only find its data where
#      the package put it. Without unshare/overlayfs, FW_DATA_DIR names the unpacked data instead.
# Usage: scripts/check-package.sh [DEB]   (default: build/package/frontierwatch_*.deb)
# Prints one line per check; exits non-zero at the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
root_dir="$(pwd)"
deb="${1:-$(ls build/package/frontierwatch_*.deb 2>/dev/null | head -1)}"
[ -f "$deb" ] || { echo "check-package: no .deb (run scripts/package.sh first)" >&2; exit 1; }
deb="$(cd "$(dirname "$deb")" && pwd)/$(basename "$deb")"

ok() { printf '  ok   %s\n' "$*"; }
die() { printf '  FAIL %s\n' "$*" >&2; exit 1; }

work="$(mktemp -d /tmp/fw-check-package.XXXXXX)"
trap 'rm -rf "$work"' EXIT

# 1. Metadata and contents.
info="$(dpkg-deb -I "$deb")"
depends="$(dpkg-deb -f "$deb" Depends)"
[ -n "$depends" ] || die "Depends is empty"
for lib in libc6 libcurl4 libsqlite3-0 libqt6widgets6 libqt6charts6; do
  grep -q "$lib" <<< "$depends" || die "Depends lacks $lib: $depends"
done
ok "Depends (dpkg-shlibdeps): $(tr ',' '\n' <<< "$depends" | wc -l) packages"
grep -q "^ Package: frontierwatch$" <<< "$info" || die "package name is not frontierwatch"
dpkg-deb -c "$deb" | awk '{print $NF}' | sed 's|^\./|/|' > "$work/contents"
expected=(
  /usr/bin/frontierwatch /usr/bin/frontierwatch-gui
  /usr/share/frontierwatch/labs.json /usr/share/frontierwatch/rules/releases.json
  /usr/share/frontierwatch/questions/ /usr/share/frontierwatch/snapshot/manifest.json
  /usr/share/applications/frontierwatch-gui.desktop
  /usr/share/icons/hicolor/scalable/apps/frontierwatch.svg
  /usr/share/man/man1/frontierwatch.1.gz /usr/share/man/man1/frontierwatch-gui.1.gz
  /usr/share/bash-completion/completions/frontierwatch /usr/share/zsh/vendor-completions/_frontierwatch
  /usr/lib/systemd/user/frontierwatch-watch.service /usr/lib/systemd/user/frontierwatch-fetch.timer
)
for size in 16 22 24 32 48 64 128 256; do
  expected+=("/usr/share/icons/hicolor/${size}x${size}/apps/frontierwatch.png")
done
for path in "${expected[@]}"; do
  grep -qx -- "$path" "$work/contents" || die "missing from the package: $path"
done
ok "contents: ${#expected[@]} expected paths among $(grep -vc '/$' "$work/contents") files"

# 2. The files themselves, unpacked.
dpkg-deb -x "$deb" "$work/root"
r="$work/root"
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$r/usr/share/applications/frontierwatch-gui.desktop" || die "desktop entry invalid"
  ok "desktop entry valid"
fi
for page in frontierwatch frontierwatch-gui; do
  text="$(MANWIDTH=80 man -l "$r/usr/share/man/man1/$page.1.gz" 2>/dev/null)" || die "man $page does not render"
  grep -q "^NAME" <<< "$text" || die "man $page has no NAME section"
done
grep -q "frontierwatch events candidates confirm" <<< "$(MANWIDTH=200 man -l "$r/usr/share/man/man1/frontierwatch.1.gz" 2>/dev/null)" \
  || die "man frontierwatch lacks the subcommands"
ok "man pages render (with every subcommand)"
packaging/completion-test.sh "$r/usr/bin/frontierwatch" "$r/usr/share/bash-completion/completions/frontierwatch" \
  "$r/usr/share/zsh/vendor-completions/_frontierwatch" | sed 's/^/       /' || die "completion incomplete"
ok "completions offer every subcommand"
file_px() { od -An -tu1 -j16 -N8 "$1" | awk '{print $1*16777216+$2*65536+$3*256+$4 "x" $5*16777216+$6*65536+$7*256+$8}'; }
for size in 16 256; do
  [ "$(file_px "$r/usr/share/icons/hicolor/${size}x${size}/apps/frontierwatch.png")" = "${size}x${size}" ] \
    || die "icon ${size}x${size} has the wrong size"
done
ok "icons are PNGs of their size"

# 3. The installed CLI runs the demo from another folder.
# Inside a private mount namespace: the package laid over /usr, the source tree's data/ hidden.
cat > "$work/inside.sh" <<'INSIDE'
set -eu
r="$1" src_data="$2" dir="$3"
mount -t overlay fwpkg -o "lowerdir=$r/usr:/usr" /usr
mount -t tmpfs fwnodata "$src_data"
cd "$dir"
env -u FW_DATA_DIR PATH=/usr/bin:/bin HOME="$dir" XDG_DATA_HOME="$dir/data" XDG_CONFIG_HOME="$dir/config" \
  frontierwatch -q demo --out demo-out > demo.txt 2> demo.err
if command -v systemd-analyze > /dev/null; then
  mkdir -p "$dir/runtime"
  XDG_RUNTIME_DIR="$dir/runtime" systemd-analyze verify --user /usr/lib/systemd/user/frontierwatch-watch.service \
    /usr/lib/systemd/user/frontierwatch-fetch.service /usr/lib/systemd/user/frontierwatch-fetch.timer \
    > units.txt 2>&1 && echo verified > units.ok || true
fi
INSIDE
run_demo() {
  if unshare -m --propagation private sh -c "mount -t tmpfs fwprobe '$work' && umount '$work'" 2>/dev/null; then
    mode="laid over /usr in a private mount namespace, source data/ hidden"
    unshare -m --propagation private sh "$work/inside.sh" "$r" "$root_dir/data" "$1"
  else
    mode="unpacked, FW_DATA_DIR=<root>/usr/share/frontierwatch"
    (cd "$1" && HOME="$1" XDG_DATA_HOME="$1/data" XDG_CONFIG_HOME="$1/config" \
       FW_DATA_DIR="$r/usr/share/frontierwatch" "$r/usr/bin/frontierwatch" -q demo --out demo-out \
       > demo.txt 2> demo.err)
  fi
}
mkdir -p "$work/elsewhere"
run_demo "$work/elsewhere" || { tail -5 "$work/elsewhere/demo.err" >&2; die "the installed CLI's demo failed"; }
[ -s "$work/elsewhere/demo-out/frontierwatch-demo.db" ] || die "demo wrote no database"
[ -s "$work/elsewhere/demo-out/report.html" ] || die "demo wrote no HTML report"
grep -q "Demo database:" "$work/elsewhere/demo.txt" || die "demo printed no summary"
ok "installed CLI ran the demo from another folder ($mode): $(grep -o '([0-9]* sources, [0-9]* items, [0-9]* events)' "$work/elsewhere/demo.txt")"
if [ -f "$work/elsewhere/units.ok" ]; then
  ok "user units verified (systemd-analyze verify --user)"
elif [ -f "$work/elsewhere/units.txt" ]; then
  cat "$work/elsewhere/units.txt" >&2; die "systemd-analyze verify rejects the user units"
fi
echo "check-package: $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB) passed"
