#!/bin/sh
# Install JIPP Desktop for this user only (no administrator rights needed):
#     sh install.sh
# Run it from the unpacked folder.  Installing a newer version over an older one
# replaces the program and keeps the data folder (~/.local/share/JIPP Desktop);
# the app backs the data up and updates it on its first start.
set -eu

HERE="$(cd "$(dirname "$0")" && pwd)"
DATA_HOME="${XDG_DATA_HOME:-$HOME/.local/share}"
TARGET="$HOME/.local/opt/jipp-desktop"
APPS="$DATA_HOME/applications"
MIME="$DATA_HOME/mime"
ICONS="$DATA_HOME/icons/hicolor/256x256/apps"
BIN="$HOME/.local/bin"

say() { printf '%s\n' "$*"; }

[ -x "$HERE/jipp-desktop/jipp-desktop" ] || {
    say "Folder program tidak ditemukan di $HERE / The program folder is missing from $HERE"
    exit 1
}

# Copy first, swap after: a full disk or an interrupted copy leaves the old version working.
mkdir -p "$HOME/.local/opt"
rm -rf "$TARGET.new"
cp -R "$HERE/jipp-desktop" "$TARGET.new"
cp "$HERE/uninstall.sh" "$TARGET.new/uninstall.sh"
rm -rf "$TARGET.old"
[ ! -e "$TARGET" ] || mv "$TARGET" "$TARGET.old"
mv "$TARGET.new" "$TARGET"
rm -rf "$TARGET.old"

mkdir -p "$APPS" "$MIME/packages" "$ICONS" "$BIN"
cp "$HERE/share/jipp-desktop.png" "$ICONS/jipp-desktop.png"
cp "$HERE/share/jipp-desktop-mime.xml" "$MIME/packages/jipp-desktop.xml"
# The program's path may hold spaces: quoted as the Desktop Entry specification asks.
sed "s|@EXEC@|\"$TARGET/jipp-desktop\"|" "$HERE/share/jipp-desktop.desktop" \
    >"$APPS/jipp-desktop.desktop"
ln -sf "$TARGET/jipp-desktop-cli" "$BIN/jipp-desktop-cli"

# Tell the desktop about the new file type and application (each tool is optional).
if command -v update-mime-database >/dev/null 2>&1; then
    update-mime-database "$MIME" >/dev/null 2>&1 || true
fi
if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database "$APPS" >/dev/null 2>&1 || true
fi
if command -v xdg-mime >/dev/null 2>&1; then
    xdg-mime default jipp-desktop.desktop application/x-jipp-package >/dev/null 2>&1 || true
fi

say "JIPP Desktop $(cat "$TARGET/VERSION") terpasang di $TARGET / installed in $TARGET"
