# Shared by run.sh and test.sh (sourced, not run): the venv, the Debian
# libraries Qt needs, and a pip install that is skipped when nothing changed.
# Both scripts must work on a fresh Debian 12 machine, so nothing here assumes
# that a previous session left anything installed.

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$REPO_ROOT/.venv"
PYTHON="${JIPP_PYTHON:-python3}"   # override to pick another interpreter

# Libraries PySide6's wheels link against but do not ship (offscreen platform).
QT_OFFSCREEN_DEBS=(libegl1 libgl1 libx11-6 libglib2.0-0 libxkbcommon0 libfontconfig1
                   libfreetype6 libdbus-1-3 fonts-dejavu-core)
# A real window goes through the xcb platform plugin, which needs these too.
QT_WINDOW_DEBS=(libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
                libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0 libxcb-randr0)

log() { printf '==> %s\n' "$*" >&2; }

# Install the Debian packages given that are not installed yet. apt-get update
# runs only when something is missing, so a second run touches no network.
ensure_debs() {
    command -v dpkg >/dev/null 2>&1 || { log "no dpkg: not Debian, skipping system packages"; return 0; }
    local missing=() p
    for p in "$@"; do
        # dpkg -s also succeeds for removed-but-not-purged packages, hence the Status check.
        dpkg -s "$p" 2>/dev/null | grep -q '^Status: install ok installed' || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then
            sudo=(sudo)
        else
            log "WARNING: not root and no sudo; please install: ${missing[*]}"
            return 0
        fi
    fi
    log "installing Debian packages: ${missing[*]}"
    if [ -z "${APT_UPDATED:-}" ]; then  # once per script run, and only when needed
        "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
        APT_UPDATED=1
    fi
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# Create .venv with python3 (3.11+) unless a working one is already there.
ensure_venv() {
    if [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c '' 2>/dev/null; then
        return 0
    fi
    "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
        || { log "ERROR: $PYTHON is older than 3.11"; return 1; }
    # Debian's own python3 has no ensurepip (so no venv) without python3-venv.
    if ! "$PYTHON" -c 'import ensurepip' 2>/dev/null; then
        ensure_debs python3-venv
    fi
    log "creating $VENV"
    rm -rf "$VENV"
    "$PYTHON" -m venv "$VENV"
}

# pip install -e "$1" unless the stamp shows the same pyproject.toml was
# already installed for this spec (or for any extra stamp names given after it,
# e.g. the test install also covers the plain app install).
pip_install_once() {
    local spec="$1" stamp_name="$2"; shift 2
    local digest name
    digest="$(sha256sum <"$REPO_ROOT/pyproject.toml" | cut -d' ' -f1)"
    for name in "$stamp_name" "$@"; do
        if [ "$(cat "$VENV/.stamp-$name" 2>/dev/null)" = "$digest" ]; then
            return 0
        fi
    done
    log "pip install -e '$spec'"
    # --no-input: CI has no stdin; the version check would only add network noise.
    "$VENV/bin/python" -m pip install --no-input --disable-pip-version-check -e "$spec"
    echo "$digest" >"$VENV/.stamp-$stamp_name"
}
