"""The wrong-clock message in the app: a banner at start, a warning with the export (on a
SQLite laptop, then on a workstation of a PostgreSQL database)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from sync_helpers import Fleet, seed
from test_clock_recovery import _ahead, _edit_while_ahead
from test_sync_page import Answers, _idle, _ok

from jipp_desktop.core.clock import now_ms
from jipp_desktop.core.workspace import open_workspace
from jipp_desktop.gui import i18n
from jipp_desktop.gui.main_window import MainWindow
from jipp_desktop.gui.reader import shared_reader
from jipp_desktop.gui.sync_page import SyncPage

pytestmark = pytest.mark.usefixtures("_qt_none_guard")


def test_start_after_a_corrected_clock_shows_a_banner(
    qtbot: Any, fleet: Fleet, tmp_path: Path
) -> None:
    i18n.install("id")
    a = fleet.add("Laptop A", postgresql=fleet.mixed)
    _edit_while_ahead(a)
    ws = open_workspace(a.folder)
    try:
        window = MainWindow(ws, QSettings(str(tmp_path / "gui.ini"), QSettings.Format.IniFormat))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        assert window.banner.isVisible()
        text = window.banner.label.text()
        assert "lebih cepat dari waktu sebenarnya" in text and "cap waktu baru" in text
        window.grab().save(str(tmp_path / "banner.png"))
        window.banner.close_button.click()
        assert not window.banner.isVisible()
        window.close()
    finally:
        shared_reader().release()
        ws.close()


def test_export_after_the_clock_was_corrected_warns(
    qtbot: Any, fleet: Fleet, tmp_path: Path
) -> None:
    i18n.install("en")
    a = fleet.add("Laptop A", postgresql=fleet.mixed)
    wall = [_ahead(30)]
    ws = open_workspace(a.folder, wall=lambda: wall[0])
    seed(ws)
    wall[0] = now_ms()  # corrected while the app stays open
    page = SyncPage(ws)
    qtbot.addWidget(page)
    page.show()
    answers = Answers()
    answers.add(QMessageBox, _ok)
    page.export_to(tmp_path / "out")
    qtbot.waitUntil(lambda: not answers.expected, timeout=20_000)
    _idle(qtbot, page)
    (text,) = answers.seen
    assert "ahead of the real time" in text and "was written to" in text
    answers.timer.stop()
    page.close()
    ws.close()
    i18n.install("id")
