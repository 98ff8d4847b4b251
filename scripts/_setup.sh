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
        # apt-get's own lock timeout covers dpkg's lock, not the package lists'
        # lock that "update" takes, hence our own wait first.
        wait_for_package_lock "${sudo[@]}" -- "${APT_LISTS_LOCKS[@]}" || return 1
        "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
            apt-get -o DPkg::Lock::Timeout="$APT_LOCK_TIMEOUT" update -q
        APT_UPDATED=1
    fi
    wait_for_package_lock "${sudo[@]}" -- "${DPKG_LOCKS[@]}" || return 1
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get -o DPkg::Lock::Timeout="$APT_LOCK_TIMEOUT" \
        install -y -q --no-install-recommends "${missing[@]}"
}

# How long to wait for another package manager (unattended-upgrades, a
# software centre, a second apt-get) before giving up, in seconds.
APT_LOCK_TIMEOUT="${JIPP_APT_LOCK_TIMEOUT:-600}"
APT_LISTS_LOCKS=(/var/lib/apt/lists/lock)
DPKG_LOCKS=(/var/lib/dpkg/lock-frontend /var/lib/dpkg/lock)

# Print the pid holding a POSIX (fcntl) lock on any of the files given, or
# nothing. apt and dpkg use fcntl locks, so flock(1) cannot see them; F_GETLK
# only asks and never takes the lock.
_LOCK_PROBE='
import fcntl, os, struct, sys
layout = "hhqqi4x"  # struct flock on Linux: type, whence, start, len, pid
for path in sys.argv[1:]:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        continue
    query = struct.pack(layout, fcntl.F_WRLCK, 0, 0, 0, 0)
    kind, _, _, _, pid = struct.unpack(layout, fcntl.fcntl(fd, fcntl.F_GETLK, query))
    os.close(fd)
    if kind != fcntl.F_UNLCK:
        print(pid)
        break
'

# wait_for_package_lock [SUDO...] -- LOCKFILE...: return once no other process
# holds the lock files, saying once what we wait for; fail after
# APT_LOCK_TIMEOUT seconds with a message instead of apt's raw "Could not get lock".
wait_for_package_lock() {
    local runner=()
    while [ $# -gt 0 ] && [ "$1" != "--" ]; do runner+=("$1"); shift; done
    shift
    local waited=0 pid name
    while pid="$("${runner[@]}" "$PYTHON" -c "$_LOCK_PROBE" "$@" 2>/dev/null)" && [ -n "$pid" ]; do
        if [ "$waited" -eq 0 ]; then
            name="$(ps -o comm= -p "$pid" 2>/dev/null || true)"
            log "another package manager is running (process $pid${name:+, $name});" \
                "waiting up to $APT_LOCK_TIMEOUT s for it to finish..."
        fi
        if [ "$waited" -ge "$APT_LOCK_TIMEOUT" ]; then
            log "ERROR: the package manager is still busy after $APT_LOCK_TIMEOUT s" \
                "(process $pid${name:+, $name}); let it finish, then run this script again"
            return 1
        fi
        sleep 2
        waited=$((waited + 2))
    done
    [ "$waited" -gt 0 ] && log "package manager free after ${waited} s"
    return 0
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
