#!/usr/bin/env bash
# Install (first time only) and start JIPP Desktop:  bash scripts/run.sh [app args...]
# Creates .venv, installs the Debian libraries Qt needs, pip install -e . and
# runs the jipp-desktop entry point. A second run installs nothing.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/_setup.sh"
cd "$REPO_ROOT"

ensure_debs "${QT_OFFSCREEN_DEBS[@]}" "${QT_WINDOW_DEBS[@]}"
ensure_venv
# The test install (pip install -e '.[test]') already contains the app.
pip_install_once "." app test

exec "$VENV/bin/jipp-desktop" "$@"
