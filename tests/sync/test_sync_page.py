"""The Sync page with real widgets: export to a folder, import with the trust question and the
dry-run preview, and resolving a conflict by choosing the other value.  In the second run
the page that imports (laptop B) is a PostgreSQL peer's."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QWidget
from sync_helpers import Fleet, seed

from jipp_desktop.core import passphrase
from jipp_desktop.core.workspace import open_workspace
from jipp_desktop.gui import i18n
from jipp_desktop.gui.passphrase_dialog import NewPassphraseDialog
from jipp_desktop.gui.sync_page import ReportDialog, SyncPage
from jipp_desktop.gui.tasks import task_runner
from jipp_desktop.sync import digest, exporter, folder, importer
from jipp_desktop.sync.errors import BadPassphrase

pytestmark = pytest.mark.usefixtures("_qt_none_guard")


class Answers:
    """Answers the modal dialogs the page opens, in order, and keeps what they said."""

    def __init__(self) -> None:
        self.expected: list[tuple[type[QWidget], Callable[[Any], None]]] = []
        self.seen: list[str] = []
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._poll)
        self.timer.start()

    def add(self, kind: type[QWidget], act: Callable[[Any], None]) -> None:
        self.expected.append((kind, act))

    def _poll(self) -> None:
        widget = QApplication.activeModalWidget()
        if not self.expected or widget is None:
            return
        kind, act = self.expected[0]
        if isinstance(widget, kind):
            self.expected.pop(0)
            text = (
                widget.text.toPlainText()
                if isinstance(widget, ReportDialog)
                else (widget.text() if isinstance(widget, QMessageBox) else "")
            )
            self.seen.append(text)
            act(widget)


def _yes(box: QMessageBox) -> None:
    box.button(QMessageBox.StandardButton.Yes).click()


def _ok(box: QMessageBox) -> None:
    box.accept()


def _import(dialog: ReportDialog) -> None:
    dialog.accept_button.click()


def _close(dialog: ReportDialog) -> None:
    dialog.reject()


def _page(qtbot: Any, folder: Path) -> tuple[SyncPage, Any]:
    ws = open_workspace(folder)
    page = SyncPage(ws)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.digest_label.text() != "", timeout=10_000)
    return page, ws


def _idle(qtbot: Any, page: SyncPage) -> None:
    qtbot.waitUntil(lambda: not task_runner(page).busy, timeout=20_000)


def test_sync_page_round_trip(qtbot: Any, fleet: Fleet, tmp_path: Path) -> None:
    i18n.install("en")
    a, b = fleet.add("Laptop A"), fleet.add("Laptop B")
    outbox, inbox = tmp_path / "from-a", tmp_path / "from-b"
    with a.open() as ws:
        ids = seed(ws)
        first = exporter.export(ws, outbox / "a1.jipp").path
    answers = Answers()

    page, ws = _page(qtbot, b.folder)
    assert page.fingerprint_label.text() == b.fingerprint
    # A PostgreSQL peer is the database, named and keyed once for every workstation.
    assert page.identity_box.title() == ("This database" if ws.on_postgresql else "This laptop")
    page.rename("Laptop Simpul NTT")
    assert ws.settings.get("device_name") == "Laptop Simpul NTT"
    answers.add(QMessageBox, _yes)  # trust Laptop A?
    answers.add(ReportDialog, _import)  # the dry-run preview
    answers.add(ReportDialog, _close)  # the import report
    page.import_file(first)
    qtbot.waitUntil(lambda: not answers.expected, timeout=20_000)
    _idle(qtbot, page)
    trust_text, preview_text, report_text = answers.seen
    assert "Laptop A" in trust_text and a.fingerprint in trust_text
    assert "would be imported" in preview_text and "agency" in preview_text
    assert "imported" in report_text
    assert ws.records.get("hub", ids["hub"])["name"] == "Simpul Inovasi Banten"
    assert page.reports.count() == 1
    ws.records.update("hub", ids["hub"], {"name": "Nama dari B"})
    answers.add(QMessageBox, _ok)
    page.export_to(inbox)
    qtbot.waitUntil(lambda: not answers.expected, timeout=20_000)
    _idle(qtbot, page)
    page.close()
    ws.close()

    with a.open() as ws_a:
        ws_a.records.update("hub", ids["hub"], {"name": "Nama dari A"})
        (sent,) = inbox.glob("*.jipp")
        importer.import_package(ws_a, sent, trust=True)
        back = exporter.export(ws_a, outbox / "a2.jipp", for_device=b.device_id).path
        expected = digest.dataset_digest()

    page, ws = _page(qtbot, b.folder)
    answers.add(ReportDialog, _import)
    answers.add(ReportDialog, _close)
    page.import_file(back)
    qtbot.waitUntil(lambda: not answers.expected, timeout=20_000)
    _idle(qtbot, page)
    qtbot.waitUntil(lambda: page.conflict_table.rowCount() == 1, timeout=10_000)
    assert page.digest_label.text() == expected
    current = page.conflict_table.item(0, 3).text()
    other = page.conflict_table.item(0, 4).text()
    assert {current, other} == {"Nama dari A", "Nama dari B"}
    assert not page.keep_other_button.isEnabled()
    page.conflict_table.selectRow(0)
    assert page.keep_other_button.isEnabled()
    with qtbot.waitSignal(page.data_changed, timeout=10_000):
        page.keep_other_button.click()
    qtbot.waitUntil(lambda: page.conflict_table.rowCount() == 0, timeout=10_000)
    assert ws.records.get("hub", ids["hub"])["name"] == other
    _idle(qtbot, page)
    answers.timer.stop()
    page.close()
    ws.close()
    i18n.install("id")


def test_folder_exchange_button_asks_about_unknown_senders(
    qtbot: Any, fleet: Fleet, tmp_path: Path
) -> None:
    shared = tmp_path / "shared"
    a, b = fleet.add("Laptop A"), fleet.add("Laptop B")
    with a.open() as ws_a:
        ids = seed(ws_a)
        folder.exchange(ws_a, shared)
    answers = Answers()
    page, ws = _page(qtbot, b.folder)
    answers.add(QMessageBox, _yes)  # trust Laptop A?
    answers.add(ReportDialog, _close)  # what the exchange did
    page.exchange(shared)
    qtbot.waitUntil(lambda: not answers.expected, timeout=20_000)
    _idle(qtbot, page)
    trust_text, summary = answers.seen
    assert a.fingerprint in trust_text and "Laptop A" in summary
    assert ws.records.get("hub", ids["hub"])["name"] == "Simpul Inovasi Banten"
    assert len(list(shared.glob("*.jipp"))) == 2
    answers.timer.stop()
    page.close()
    ws.close()


def test_locked_export_offers_a_generated_passphrase(
    qtbot: Any, fleet: Fleet, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = fleet.add("Laptop A"), fleet.add("Laptop B")
    fleet.trust_all()
    outbox = tmp_path / "outbox"
    outbox.mkdir()
    page, ws = _page(qtbot, a.folder)
    seed(ws)
    offered: list[str] = []

    def answer(dialog: NewPassphraseDialog) -> None:
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        first = dialog.passphrase()
        assert set(first.split()) <= set(passphrase.words()) and ok.isEnabled()
        dialog.edit.setText("pendek")
        assert not ok.isEnabled() and "terlalu pendek" in dialog.problem_label.text()
        dialog.other_button.click()
        assert dialog.passphrase() not in (first, "pendek") and ok.isEnabled()
        offered.append(dialog.passphrase())
        ok.click()

    answers = Answers()
    answers.add(NewPassphraseDialog, answer)
    answers.add(QMessageBox, _ok)  # "package written"
    monkeypatch.setattr(page, "choose_folder", lambda title: outbox)
    page.locked_button.click()
    qtbot.waitUntil(lambda: not answers.expected, timeout=20_000)
    _idle(qtbot, page)
    answers.timer.stop()
    page.close()
    ws.close()
    (sent,) = outbox.glob("*.jipp")
    with b.open() as ws_b:
        with pytest.raises(BadPassphrase):
            importer.import_package(ws_b, sent)
        done = importer.import_package(ws_b, sent, passphrase=offered[0])
        assert not done.nothing_new and ws_b.records.count("visit") == 1
