"""The mass-deletion question and the undo button on the Sync page, with real widgets (the
page of a SQLite laptop, then of a PostgreSQL peer)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from sync_helpers import Fleet
from test_sync_page import Answers, _idle, _import, _ok, _page, _yes
from test_undo import _many, _wipe

from jipp_desktop.gui import i18n
from jipp_desktop.gui.sync_page import ReportDialog
from jipp_desktop.sync import exporter, importer

pytestmark = pytest.mark.usefixtures("_qt_none_guard")


def _no(box: QMessageBox) -> None:
    box.button(QMessageBox.StandardButton.No).click()


def _close(dialog: ReportDialog) -> None:
    dialog.reject()


def test_mass_deletion_is_asked_and_a_package_can_be_undone(
    qtbot: Any, fleet: Fleet, tmp_path: Path
) -> None:
    i18n.install("en")
    a, b = fleet.add("Laptop A", postgresql=fleet.mixed), fleet.add("Laptop B")
    fleet.trust_all()
    ids = _many(a)
    with a.open() as ws:
        exporter.export(ws, tmp_path / "a.jipp")
    with b.open() as ws:
        importer.import_package(ws, tmp_path / "a.jipp")
    _wipe(b, ids)
    with b.open() as ws:
        exporter.export(ws, tmp_path / "wipe.jipp")

    page, ws = _page(qtbot, a.folder)
    answers = Answers()
    answers.add(ReportDialog, _import)  # the preview: deletions first
    answers.add(QMessageBox, _no)  # "move 16 records to the Trash?" No
    page.import_file(tmp_path / "wipe.jipp")
    qtbot.waitUntil(lambda: not answers.expected, timeout=20_000)
    _idle(qtbot, page)
    preview, question = answers.seen
    assert preview.startswith("This package would move 16 records to the Trash.")
    assert "would move 16 records" in question
    assert len(ws.records.list("agency")) == 13  # nothing imported

    answers.add(ReportDialog, _import)
    answers.add(QMessageBox, _yes)
    answers.add(ReportDialog, _close)  # the import report
    page.import_file(tmp_path / "wipe.jipp")
    qtbot.waitUntil(lambda: not answers.expected, timeout=20_000)
    _idle(qtbot, page)
    assert len(ws.records.list("agency")) == 0
    qtbot.waitUntil(lambda: page.reports.count() == 1, timeout=10_000)

    assert not page.undo_button.isEnabled()
    page.reports.setCurrentRow(0)
    assert page.undo_button.isEnabled()
    answers.add(QMessageBox, _yes)  # bring them back?
    answers.add(QMessageBox, _ok)  # how many came back
    page.undo_button.click()
    qtbot.waitUntil(lambda: not answers.expected, timeout=20_000)
    _idle(qtbot, page)
    assert "16 records" in answers.seen[-1]
    assert len(ws.records.list("agency")) == 13
    page.grab().save(str(tmp_path / "undo.png"))
    answers.timer.stop()
    page.close()
    ws.close()
    i18n.install("id")
