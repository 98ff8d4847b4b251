#!/usr/bin/env bash
# Build the Linux bundle:  bash scripts/build_bundle.sh [--force]
# PyInstaller (packaging/jipp_desktop.spec) makes the self-contained program folder;
# this script adds the desktop integration (packaging/linux/) and packs it all as
#     dist/jipp-desktop-VERSION-linux-ARCH.tar.gz
# whose path is the last line printed.  The result is cached: when the sources, the
# packaging files and the installed packages are the same as for the last build,
# nothing is rebuilt (--force rebuilds anyway).  Installing: docs/install.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/_setup.sh"
cd "$REPO_ROOT"

force=0
[ "${1:-}" = "--force" ] && force=1

ensure_debs "${QT_OFFSCREEN_DEBS[@]}"
ensure_venv
# PyInstaller is part of the test extra: the test command builds and checks the bundle.
pip_install_once ".[test]" test
PY="$VENV/bin/python"

version="$("$PY" -c 'import jipp_desktop; print(jipp_desktop.__version__)')"
name="jipp-desktop-$version-linux-$(uname -m)"
work="$REPO_ROOT/build/bundle"
out="$REPO_ROOT/dist/$name.tar.gz"
stamp="$REPO_ROOT/dist/$name.sources"

# Everything that ends up in the bundle or decides how it is made.
sources_digest() {
    {
        find jipp_desktop resources db ui packaging -type f \
            ! -path '*/__pycache__/*' ! -name '*.pyc' -print0 | sort -z | xargs -0 sha256sum
        sha256sum pyproject.toml scripts/build_bundle.sh
        "$PY" -VV
        "$PY" -m pip freeze --exclude-editable --disable-pip-version-check
    } | sha256sum | cut -d' ' -f1
}
digest="$(sources_digest)"
if [ "$force" -eq 0 ] && [ -f "$out" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$digest" ]; then
    log "bundle is up to date"
    echo "$out"
    exit 0
fi

started=$SECONDS
rm -rf "$work" "$out" "$stamp"
mkdir -p "$work" "$REPO_ROOT/dist"
log "pyinstaller packaging/jipp_desktop.spec"
"$VENV/bin/pyinstaller" --noconfirm --log-level WARN \
    --distpath "$work/dist" --workpath "$work/pyinstaller" packaging/jipp_desktop.spec >&2

stage="$work/stage/$name"
mkdir -p "$stage/share"
mv "$work/dist/jipp-desktop" "$stage/jipp-desktop"
echo "$version" >"$stage/jipp-desktop/VERSION"
cp packaging/linux/install.sh packaging/linux/uninstall.sh "$stage/"
cp packaging/linux/jipp-desktop.desktop packaging/linux/jipp-desktop-mime.xml "$stage/share/"
cp "$work/pyinstaller/jipp_desktop/icons/jipp-desktop.png" "$stage/share/"
chmod +x "$stage/install.sh" "$stage/uninstall.sh"

log "packing $out"
# gzip -1: a few MB larger than the default level, three times faster to pack.
tar -C "$work/stage" -cf - "$name" | gzip -1 >"$out.part"
mv "$out.part" "$out"
echo "$digest" >"$stamp"
log "bundle built in $((SECONDS - started)) s: $(du -h "$out" | cut -f1) packed"
echo "$out"
