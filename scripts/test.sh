#!/usr/bin/env bash
# Install (first time only) and run every check:  bash scripts/test.sh [pytest args...]
# ruff lint, ruff format, mypy (strict for jipp_desktop/core and jipp_desktop/sync), the wheel check,
# then pytest. Every step runs even after a failure, so one run shows all
# problems; the exit code is non-zero if any step failed.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/_setup.sh"
cd "$REPO_ROOT"

# Report tests read PDFs back with pdftotext/pdffonts/pdftoppm (poppler) and qpdf; the
# clock-recovery test moves the clock of a real CLI process with faketime.
ensure_debs "${QT_OFFSCREEN_DEBS[@]}" poppler-utils qpdf libreoffice-calc-nogui faketime
# The bundle tests (tests/bundle) check the desktop file and the .jipp file type with the
# freedesktop tools; the bundle itself is built by their fixture (scripts/build_bundle.sh).
ensure_debs desktop-file-utils shared-mime-info
# The PostgreSQL tests start a throwaway cluster (initdb, pg_ctl; contrib's unaccent).
ensure_debs postgresql
ensure_venv
pip_install_once ".[test]" test

# Tests never open a real window, whatever the developer's session sets.
export QT_QPA_PLATFORM=offscreen
export PATH="$VENV/bin:$PATH"

failed=()
step() {  # step LABEL COMMAND...
    local label="$1"; shift
    log "$*"
    "$@" || failed+=("$label")
}
step "ruff check" ruff check .
step "ruff format" ruff format --check .
step mypy mypy jipp_desktop/core jipp_desktop/sync
step "wheel check" python scripts/check_wheel.py

log "pytest -q $*"
rc=0
pytest -q "$@" || rc=$?
if [ "$rc" -eq 5 ]; then
    log "pytest collected no tests: a suite with no tests is not green"
fi
if [ "$rc" -ne 0 ]; then
    failed+=("pytest (exit $rc)")
fi

if [ ${#failed[@]} -ne 0 ]; then
    log "FAILED: $(printf "[%s] " "${failed[@]}")"
    exit 1
fi
