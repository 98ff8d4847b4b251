"""Withdrawing trust from the Sync page: the question, then the key shown as withdrawn and
its later packages refused (the page of a SQLite laptop, then of a PostgreSQL peer)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from sync_helpers import Fleet, seed
from test_sync_page import Answers, _idle, _page, _yes

from jipp_desktop.gui import i18n
from jipp_desktop.sync import exporter, importer
from jipp_desktop.sync.revocation import RevokedSender

pytestmark = pytest.mark.usefixtures("_qt_none_guard")


def test_withdraw_trust_from_the_sync_page(qtbot: Any, fleet: Fleet, tmp_path: Path) -> None:
    i18n.install("en")
    a, b = fleet.add("Laptop A", postgresql=fleet.mixed), fleet.add("Laptop B")
    fleet.trust_all()
    with b.open() as ws:
        seed(ws)
        exporter.export(ws, tmp_path / "b.jipp")
    page, ws = _page(qtbot, a.folder)
    table = page.trusted_table
    qtbot.waitUntil(lambda: table.rowCount() == 2, timeout=10_000)
    row = next(r for r in range(2) if table.item(r, 1).text() == b.fingerprint)
    assert table.item(row, 2).text() == "hub"
    assert not page.untrust_button.isEnabled()
    table.selectRow(row)
    assert page.untrust_button.isEnabled()
    answers = Answers()
    answers.add(QMessageBox, _yes)
    page.untrust_button.click()
    qtbot.waitUntil(lambda: not answers.expected, timeout=10_000)
    _idle(qtbot, page)
    qtbot.waitUntil(lambda: table.item(row, 2).text() == "withdrawn", timeout=10_000)
    (question,) = answers.seen
    assert "Laptop B" in question and b.fingerprint in question
    page.grab().save(str(tmp_path / "trusted.png"))
    with pytest.raises(RevokedSender):
        importer.import_package(ws, tmp_path / "b.jipp")
    answers.timer.stop()
    page.close()
    ws.close()
    i18n.install("id")
