#!/usr/bin/env bash
# Rebuild the interface translations after changing any visible string.
#
#   bash scripts/update_translations.sh
#
# 1. pyside6-lupdate collects every tr()/QCoreApplication.translate()/QT_TRANSLATE_NOOP
#    string from the GUI sources (and ui/*.ui forms) into resources/translations/jipp_id.ts
#    and jipp_en.ts, keeping translations already made and dropping vanished strings.
# 2. Translate the new entries (type="unfinished") in jipp_id.ts with Qt Linguist
#    (pyside6-linguist resources/translations/jipp_id.ts) or any text editor.
#    Source strings are English: scripts/fill_english_ts.py completes jipp_en.ts
#    (singular/plural forms from "%n record(s)").  tests/gui/test_gui_translations.py
#    fails while jipp_id.ts has
#    unfinished entries or misses a string that the code uses.
# 3. pyside6-lrelease compiles the .ts files into the .qm files the app loads.
#    qtbase_id.ts holds Indonesian for Qt's own dialog buttons and text-field menus,
#    which Qt does not ship.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="$(dirname "$(command -v python)")"
LUPDATE="${LUPDATE:-$BIN/pyside6-lupdate}"
LRELEASE="${LRELEASE:-$BIN/pyside6-lrelease}"
T=resources/translations

mapfile -t sources < <(find jipp_desktop/gui -name '*.py' -not -path '*/generated/*' | sort)
mapfile -t forms < <(find ui -name '*.ui' 2>/dev/null | sort)
"$LUPDATE" -no-obsolete -locations none "${sources[@]}" "${forms[@]}" \
    -ts "$T/jipp_id.ts" "$T/jipp_en.ts"
# English is the source language: complete jipp_en.ts from the sources (plurals too).
python scripts/fill_english_ts.py "$T/jipp_en.ts"
for ts in "$T/jipp_id.ts" "$T/jipp_en.ts" "$T/qtbase_id.ts"; do
    "$LRELEASE" -silent "$ts" -qm "${ts%.ts}.qm"
done
