#!/bin/sh
# Remove JIPP Desktop for this user:  sh ~/.local/opt/jipp-desktop/uninstall.sh
# The data folder (~/.local/share/JIPP Desktop, or the one set with JIPP_DATA_DIR)
# is never touched: delete it yourself only after copying what you need.
set -eu

DATA_HOME="${XDG_DATA_HOME:-$HOME/.local/share}"
TARGET="$HOME/.local/opt/jipp-desktop"
APPS="$DATA_HOME/applications"
MIME="$DATA_HOME/mime"

rm -f "$APPS/jipp-desktop.desktop" "$MIME/packages/jipp-desktop.xml" \
    "$DATA_HOME/icons/hicolor/256x256/apps/jipp-desktop.png"
# Only our own link: a jipp-desktop-cli installed some other way stays.
if [ -L "$HOME/.local/bin/jipp-desktop-cli" ] \
    && [ "$(readlink "$HOME/.local/bin/jipp-desktop-cli")" = "$TARGET/jipp-desktop-cli" ]; then
    rm -f "$HOME/.local/bin/jipp-desktop-cli"
fi
if command -v update-mime-database >/dev/null 2>&1 && [ -d "$MIME/packages" ]; then
    update-mime-database "$MIME" >/dev/null 2>&1 || true
fi
if command -v update-desktop-database >/dev/null 2>&1 && [ -d "$APPS" ]; then
    update-desktop-database "$APPS" >/dev/null 2>&1 || true
fi
rm -rf "$TARGET"

printf '%s\n' "JIPP Desktop dihapus; folder data tidak disentuh." \
    "JIPP Desktop removed; the data folder was left as it was."
