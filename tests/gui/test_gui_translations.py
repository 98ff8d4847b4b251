"""Every visible string goes through Qt's translation system and has an Indonesian text."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTabWidget,
    QWidget,
)

from jipp_desktop.gui.main_window import MainWindow
from jipp_desktop.gui.pages import PAGES
from jipp_desktop.paths import resource

TS_ID = resource("translations", "jipp_id.ts")
ROOT = Path(__file__).resolve().parents[2]


def _messages(path: Path) -> list[tuple[str, str, ET.Element]]:
    out = []
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            out.append((name, msg.findtext("source") or "", msg))
    return out


def _translation(msg: ET.Element) -> str:
    tr = msg.find("translation")
    assert tr is not None
    forms = [f.text or "" for f in tr.iter("numerusform")]
    return forms[0] if forms else (tr.text or "")


def test_indonesian_catalogue_is_complete() -> None:
    unfinished = [
        (ctx, src)
        for ctx, src, msg in _messages(TS_ID)
        if msg.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
        or not _translation(msg)
    ]
    assert unfinished == []


def test_catalogue_holds_every_string_of_the_code(tmp_path: Path) -> None:
    """lupdate over today's sources finds nothing the committed catalogue lacks."""
    lupdate = shutil.which("pyside6-lupdate") or str(
        Path(sys.executable).parent / "pyside6-lupdate"
    )
    fresh = tmp_path / "fresh.ts"
    sources = sorted(
        str(p) for p in (ROOT / "jipp_desktop" / "gui").rglob("*.py") if "generated" not in p.parts
    ) + sorted(str(p) for p in (ROOT / "ui").glob("*.ui"))
    subprocess.run(
        [lupdate, "-locations", "none", *sources, "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    committed = {(c, s) for c, s, _m in _messages(TS_ID)}
    missing = [(c, s) for c, s, _m in _messages(fresh) if (c, s) not in committed]
    assert missing == [], "run scripts/update_translations.sh and translate the new strings"


def _visible_texts(root: QWidget) -> list[str]:
    texts: list[str] = [root.windowTitle()]
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, QTabWidget):
            texts.extend(widget.tabText(i) for i in range(widget.count()))
        if isinstance(widget, QTableWidget):
            for col in range(widget.columnCount()):
                item = widget.horizontalHeaderItem(col)
                texts.append(item.text() if item else "")
        texts.append(widget.toolTip())
        for action in widget.actions():
            texts.append(action.text().replace("&", ""))
    return [t for t in texts if t]


def test_no_english_left_on_screen_in_indonesian(qtbot: Any, window: MainWindow) -> None:
    english = {
        src.replace("&", "")
        for _c, src, msg in _messages(TS_ID)
        if _translation(msg).replace("&", "") != src.replace("&", "")
    }
    shown: list[str] = []
    for spec in PAGES:
        window.show_page(spec.key)
    shown += _visible_texts(window)
    for menu_action in window.menuBar().actions():
        shown.append(menu_action.text().replace("&", ""))
        menu = menu_action.menu()
        if menu is not None:
            shown += [a.text().replace("&", "") for a in menu.actions()]
    for type_name in (
        "hub",
        "agency",
        "innovation",
        "replication",
        "commitment",
        "visit",
        "workplan",
    ):
        editor = window.open_editor(type_name, None)
        shown += _visible_texts(editor)
        editor.close()
    left = sorted({t for t in shown if t in english})
    assert left == []


def test_english_catalogue_is_complete_with_plurals(qapp: Any) -> None:
    from PySide6.QtCore import QCoreApplication

    from jipp_desktop.gui import i18n

    ts_en = resource("translations", "jipp_en.ts")
    assert all(_translation(msg) for _c, _s, msg in _messages(ts_en))
    try:
        i18n.install("en")
        one = QCoreApplication.translate("RecordListPage", "%n record(s) restored.", "", 1)
        many = QCoreApplication.translate("RecordListPage", "%n record(s) restored.", "", 3)
    finally:
        i18n.install("id")
    assert (one, many) == ("1 record restored.", "3 records restored.")


def test_qt_standard_buttons_speak_indonesian(qtbot: Any, indonesian: None) -> None:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(
        QMessageBox.Icon.Question,
        "JIPP",
        "?",
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel,
    )
    qtbot.addWidget(box)
    texts = [
        box.button(b).text()
        for b in (
            QMessageBox.StandardButton.Save,
            QMessageBox.StandardButton.Discard,
            QMessageBox.StandardButton.Cancel,
        )
    ]
    assert texts == ["Simpan", "Buang", "Batal"]
