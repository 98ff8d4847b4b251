"""Encrypting a data folder from the settings page: encrypt, restart with the passphrase
prompt, change the passphrase (a wrong current one is refused), turn encryption off, and
Cancel part way, all on a real folder through the real page and the task runner."""

from __future__ import annotations

import gc
import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QImage
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QInputDialog,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QWidget,
)

from jipp_desktop.core import cipher, encryption, passphrase, sealed
from jipp_desktop.core.backup import list_backups, plain_copy
from jipp_desktop.core.errors import DataFolderInUse
from jipp_desktop.core.lock import FolderLock
from jipp_desktop.core.query import ListQuery
from jipp_desktop.core.workspace import DB_NAME, Workspace, open_workspace
from jipp_desktop.gui import app
from jipp_desktop.gui.editors.attachments_panel import AttachmentsPanel
from jipp_desktop.gui.main_window import MainWindow
from jipp_desktop.gui.passphrase_dialog import NewPassphraseDialog
from jipp_desktop.gui.settings_page import SettingsPage
from jipp_desktop.gui.tasks import task_runner

NAME = "Simpul Rahasia Banten"
OTHER = "teh manis sore hari"


class Answers:
    """Answers the modal dialogs the page opens, in order."""

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
        if not self.expected or widget is None or not isinstance(widget, self.expected[0][0]):
            return
        _kind, act = self.expected.pop(0)
        if isinstance(widget, QMessageBox):
            self.seen.append(widget.text())
        elif isinstance(widget, QInputDialog):
            self.seen.append(widget.labelText())
        act(widget)


def _type(text: str) -> Callable[[QInputDialog], None]:
    def act(dialog: QInputDialog) -> None:
        dialog.setTextValue(text)
        dialog.accept()

    return act


def _choose(chosen: list[str], typed: str | None = None) -> Callable[[NewPassphraseDialog], None]:
    """Take the offered passphrase (or type ``typed``), check the rules, confirm it."""

    def act(dialog: NewPassphraseDialog) -> None:
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert dialog.again is not None
        assert set(dialog.passphrase().split()) <= set(passphrase.words())
        assert not ok.isEnabled()  # not typed a second time yet
        dialog.edit.setText("pendek")
        dialog.again.setText("pendek")
        assert not ok.isEnabled() and "terlalu pendek" in dialog.problem_label.text()
        dialog.edit.setText(typed or passphrase.generate())
        dialog.again.setText(dialog.passphrase() + " x")
        assert not ok.isEnabled() and "berbeda" in dialog.problem_label.text()
        dialog.again.setText(dialog.passphrase())
        assert ok.isEnabled() and dialog.problem_label.text() == ""
        chosen.append(dialog.passphrase())
        ok.click()

    return act


@pytest.fixture
def answers() -> Iterator[Answers]:
    found = Answers()
    yield found
    found.timer.stop()


@pytest.fixture
def folder(data_dir: Path, tmp_path: Path, template_db: Path) -> Iterator[Path]:
    """A folder holding one hub and a backup (two database files to convert)."""
    with open_workspace(data_dir) as workspace:
        workspace.records.create("hub", {"province_code": "36", "name": NAME})
        workspace.backup("test")
    yield data_dir
    # Later GUI tests read through the app's global database: leave it on a plain folder.
    after = tmp_path / "after"
    after.mkdir()
    shutil.copyfile(template_db, after / DB_NAME)
    open_workspace(after).close()


def _page(qtbot: Any, workspace: Workspace) -> SettingsPage:
    page = SettingsPage(workspace)
    qtbot.addWidget(page)
    page.resize(900, 900)
    page.show()
    return page


def _run(qtbot: Any, page: SettingsPage, button: Any, answers: Answers) -> None:
    """Click ``button`` and wait for the dialogs to be answered and the task to end."""
    runner = task_runner(page)
    with qtbot.waitSignals([runner.finished], timeout=60_000):
        button.click()
    assert not answers.expected
    qtbot.waitUntil(lambda: not runner.busy)
    assert gc.isenabled()  # held off during the conversion only


def _files(folder: Path) -> list[Path]:
    return [folder / DB_NAME, *list_backups(folder)]


def _readable(path: Path) -> bool:
    with plain_copy(path) as unpacked:
        content = unpacked.read_bytes()
    return content.startswith(cipher.SQLITE_MAGIC) and NAME.encode() in content


def _names(workspace: Workspace) -> list[str]:
    return [h["name"] for h in workspace.records.list("hub", ListQuery(search="Rahasia"))]


def test_encrypt_restart_change_and_decrypt_from_the_settings_page(
    qtbot: Any, qapp: QApplication, folder: Path, answers: Answers, indonesian: None
) -> None:
    chosen: list[str] = []
    workspace = open_workspace(folder)
    page = _page(qtbot, workspace)
    box = page.encryption
    assert box.encrypt_button.isVisible() and not box.decrypt_button.isVisible()
    assert "tidak terenkripsi" in box.state.text()
    answers.add(NewPassphraseDialog, _choose(chosen))
    _run(qtbot, page, box.encrypt_button, answers)
    assert "terenkripsi" in box.outcome.text()
    assert box.change_button.isVisible() and not box.encrypt_button.isVisible()
    assert not any(_readable(path) for path in _files(folder))
    assert (folder / cipher.MARKER).exists()
    assert b"ENCRYPTED" in (folder / encryption.KEY_FILE).read_bytes()
    # The app kept its folder lock and works on the converted file.
    with pytest.raises(DataFolderInUse):
        FolderLock(folder).acquire()
    assert _names(workspace) == [NAME]
    page.close()
    workspace.close()

    # A restart asks for the passphrase.
    answers.add(QInputDialog, _type(chosen[0]))
    opened = app.open_or_explain(folder)
    assert isinstance(opened, Workspace) and _names(opened) == [NAME]
    assert "terenkripsi" in answers.seen[-1]
    page = _page(qtbot, opened)
    box = page.encryption

    # A wrong current passphrase is refused with a clear message; nothing changes.
    answers.add(QInputDialog, _type(OTHER))
    answers.add(QMessageBox, lambda b: b.accept())
    box.change_button.click()
    qtbot.waitUntil(lambda: not answers.expected)
    assert "Frasa sandi salah" in answers.seen[-1]
    assert not task_runner(page).busy
    cipher.check_key(folder / DB_NAME, chosen[0])

    answers.add(QInputDialog, _type(chosen[0]))
    answers.add(NewPassphraseDialog, _choose(chosen, typed=OTHER))
    _run(qtbot, page, box.change_button, answers)
    assert "diganti" in box.outcome.text()
    with pytest.raises(cipher.PassphraseError):
        cipher.check_key(folder / DB_NAME, chosen[0])
    for path in _files(folder):
        with plain_copy(path) as unpacked:
            cipher.check_key(unpacked, OTHER)
    assert _names(opened) == [NAME]

    answers.add(QInputDialog, _type(OTHER))
    _run(qtbot, page, box.decrypt_button, answers)
    assert "tidak lagi terenkripsi" in box.outcome.text()
    assert all(_readable(path) for path in _files(folder))
    assert not (folder / cipher.MARKER).exists()
    assert b"ENCRYPTED" not in (folder / encryption.KEY_FILE).read_bytes()
    assert box.encrypt_button.isVisible() and _names(opened) == [NAME]
    page.close()
    opened.close()


def test_cancel_part_way_leaves_the_folder_as_it_was(
    qtbot: Any, qapp: QApplication, folder: Path, answers: Answers, indonesian: None
) -> None:
    workspace = open_workspace(folder)
    page = _page(qtbot, workspace)
    runner = task_runner(page)
    paused, go = threading.Event(), threading.Event()

    def hold_after_first_file(key: int, done: int, total: int) -> None:
        # Runs on the worker: once the database was swapped, wait for the officer.
        if done > 0 and not paused.is_set():
            paused.set()
            assert go.wait(30)

    runner._progressed.connect(hold_after_first_file, Qt.ConnectionType.DirectConnection)
    answers.add(NewPassphraseDialog, _choose([]))
    page.encryption.encrypt_button.click()
    assert not answers.expected

    def progress_dialog() -> QProgressDialog | None:
        found = [d for d in page.findChildren(QProgressDialog) if d.isVisible()]
        return found[0] if found else None

    qtbot.waitUntil(lambda: paused.is_set() and progress_dialog() is not None, timeout=30_000)
    dialog = progress_dialog()
    assert dialog is not None and dialog.labelText().startswith("Mengonversi")
    (cancel,) = dialog.findChildren(QPushButton)
    with qtbot.waitSignal(runner.cancelled, timeout=60_000):
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
        go.set()
    assert "Dibatalkan" in page.encryption.outcome.text() and gc.isenabled()
    assert all(_readable(path) for path in _files(folder))
    assert not (folder / cipher.MARKER).exists()
    assert not list(folder.rglob(f"*{encryption.TEMP_SUFFIX}"))
    assert page.encryption.encrypt_button.isVisible() and _names(workspace) == [NAME]
    workspace.records.create("hub", {"province_code": "36", "name": "Simpul Sesudah Batal"})
    page.close()
    workspace.close()


def test_the_window_keeps_watching_for_changes_after_a_conversion(
    qtbot: Any, folder: Path, window: MainWindow, answers: Answers
) -> None:
    """Every connection closes for the conversion; the change watcher stops when it finds
    its own closed, and the window starts it again once the folder is open again."""
    window.watch_changes(interval_ms=20)
    page = window.show_page("settings")
    assert isinstance(page, SettingsPage)
    answers.add(NewPassphraseDialog, _choose([]))
    _run(qtbot, page, page.encryption.encrypt_button, answers)
    assert window.watcher is not None and window.watcher.active
    assert not cipher.is_plain(folder / DB_NAME)


def test_an_encrypted_folders_photo_shows_and_opens_from_its_sealed_file(
    qtbot: Any, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    photo = tmp_path / "foto-kunjungan.png"
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("darkgreen"))
    assert image.save(str(photo))
    with open_workspace(data_dir) as workspace:
        innovation = workspace.records.create(
            "innovation", {"title": "Arsip Digital", "province_code": "53"}
        )
        workspace.attachments.add("innovation", innovation, photo)
    encryption.convert(data_dir, DB_NAME, None, OTHER)
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    with open_workspace(data_dir, passphrase=OTHER) as workspace:
        (stored,) = encryption.personal_files(data_dir)
        assert sealed.is_sealed(stored)
        panel = AttachmentsPanel(workspace, "innovation")
        qtbot.addWidget(panel)
        panel.load(innovation)
        shown = panel.list.item(0).icon().pixmap(96, 96).toImage()
        assert shown.pixelColor(shown.width() // 2, shown.height() // 2) == QColor("darkgreen")
        panel.list.setCurrentRow(0)
        panel.open_selected()
    (url,) = opened
    copy = Path(url.toLocalFile())
    assert copy.name == "foto-kunjungan.png" and copy.read_bytes() == photo.read_bytes()
    # Later GUI tests read through the app's global database: leave it on a plain folder.
    encryption.convert(data_dir, DB_NAME, OTHER, None)
    open_workspace(data_dir).close()
