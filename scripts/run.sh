#!/usr/bin/env bash
# Install (first time only) and start JIPP Desktop:  bash scripts/run.sh [app args...]
# Creates .venv, installs the Debian libraries Qt needs, pip install -e . and
# runs the jipp-desktop entry point. A second run installs nothing.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/_setup.sh"
cd "$REPO_ROOT"

# Help installs nothing and needs no system packages: the command line's help
# is plain argparse (no Qt), so an installed app answers at once; before the
# first install there is no app to ask, so say what the script would do.
for arg in "$@"; do
    case "$arg" in
        -h|--help)
            if [ -x "$VENV/bin/jipp-desktop" ]; then
                exec "$VENV/bin/jipp-desktop" "$@"
            fi
            cat <<USAGE
usage: bash scripts/run.sh [jipp-desktop arguments...]

Starts JIPP Desktop. The first run installs what the app needs: the Debian
libraries Qt uses (with sudo when not root), a virtual environment in
$VENV and the app itself (pip install -e .);
later runs install nothing.

The app is not installed yet, so its own options cannot be listed. Run
'bash scripts/run.sh' once, then 'bash scripts/run.sh --help' again,
or read docs/cli.md.
USAGE
            exit 0
            ;;
        --) break ;;
    esac
done

ensure_debs "${QT_OFFSCREEN_DEBS[@]}" "${QT_WINDOW_DEBS[@]}"
ensure_venv
# The test install (pip install -e '.[test]') already contains the app.
pip_install_once "." app test

exec "$VENV/bin/jipp-desktop" "$@"
