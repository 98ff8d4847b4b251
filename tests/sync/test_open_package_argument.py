"""Double-clicking a .jipp file starts the GUI with the package's path as its argument
(the bundle's file association): the app opens the import of that package, with the
same trust question and preview as the Sync page's Import button."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from sync_helpers import Fleet, seed

from jipp_desktop.cli import exit_codes
from jipp_desktop.gui import app, i18n
from jipp_desktop.gui.main_window import MainWindow
from jipp_desktop.gui.reader import shared_reader
from jipp_desktop.gui.sync_page import ReportDialog
from jipp_desktop.sync import exporter

pytestmark = pytest.mark.usefixtures("_qt_none_guard")


def _answer_in_order(steps: list[tuple[type[QWidget], Callable[[Any], None]]]) -> list[str]:
    """Answer each expected window as it comes up; returns the texts they showed."""
    seen: list[str] = []

    def poll() -> None:
        if not steps:
            return
        kind, act = steps[0]
        widget = QApplication.activeModalWidget() if kind is not MainWindow else _main_window()
        if isinstance(widget, kind):
            steps.pop(0)
            if isinstance(widget, ReportDialog):
                seen.append(widget.text.toPlainText())
            elif isinstance(widget, QMessageBox):
                seen.append(widget.text())
            act(widget)
        QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return seen


def _main_window() -> MainWindow | None:
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    return next((w for w in shown if w.isVisible()), None)


def _closes_when_idle(window: MainWindow) -> None:
    from jipp_desktop.gui.tasks import task_runner

    page = window.page("sync")
    if task_runner(page).busy:
        QTimer.singleShot(20, lambda: _closes_when_idle(window))
        return
    window.close()


def test_a_package_given_on_the_command_line_opens_its_import(
    qapp: QApplication, fleet: Fleet, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = fleet.add("Laptop A"), fleet.add("Laptop B")
    with a.open() as ws:
        ids = seed(ws)
        package = exporter.export(ws, tmp_path / "dari-a.jipp").path
    with b.open() as ws:
        ws.settings.set("setup_done", "1")
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    steps: list[tuple[type[QWidget], Callable[[Any], None]]] = [
        (QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click()),
        (ReportDialog, lambda dialog: dialog.accept_button.click()),  # the preview
        (ReportDialog, lambda dialog: dialog.reject()),  # the import report
        (MainWindow, _closes_when_idle),
    ]
    seen = _answer_in_order(steps)
    # Were the import never opened, the window would wait forever: close it after a
    # minute so the test fails instead of hanging (not a speed check).
    watchdog = QTimer()
    watchdog.setSingleShot(True)
    watchdog.timeout.connect(QApplication.closeAllWindows)
    watchdog.start(60_000)
    try:
        status = app.main(["--data-dir", str(b.folder), "--lang", "en", str(package)])
    finally:
        watchdog.stop()
        shared_reader().release()
        i18n.install("id")
    assert status == exit_codes.OK
    assert not steps
    trust_text, preview_text, report_text = seen
    assert "Laptop A" in trust_text and a.fingerprint in trust_text
    assert "would be imported" in preview_text
    assert "imported" in report_text
    with b.open() as ws:
        assert ws.records.get("hub", ids["hub"])["name"] == "Simpul Inovasi Banten"
