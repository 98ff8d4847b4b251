"""The app's dialog for a data folder whose database file is gone."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from jipp_desktop.cli import exit_codes
from jipp_desktop.core import backup
from jipp_desktop.core.workspace import DB_NAME, Workspace, open_workspace
from jipp_desktop.gui import app

LEFT_BEHIND = b"wal yang tertinggal"


def _folder_without_its_database(tmp_path: Path, template_db: Path) -> tuple[Path, Path]:
    folder = tmp_path / "hilang"
    folder.mkdir()
    shutil.copyfile(template_db, folder / DB_NAME)
    with open_workspace(folder) as ws:
        ws.records.create("hub", {"province_code": "53", "name": "Simpul NTT"})
    made = backup.automatic_backup(folder / DB_NAME, folder, "start")
    assert made is not None
    (folder / DB_NAME).unlink()
    (folder / f"{DB_NAME}-wal").write_bytes(LEFT_BEHIND)
    return folder, made


def _answer_when_shown(
    qtbot: QtBot, button: QMessageBox.StandardButton, seen: list[str], png: Path
) -> None:
    """Press ``button`` on the message box once it is on screen, as the officer would."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press)
            return
        seen.append(box.text())
        box.grab().save(str(png))
        qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, press)


def test_the_dialog_restores_the_newest_backup(
    qtbot: QtBot, tmp_path: Path, template_db: Path, indonesian: None
) -> None:
    folder, newest = _folder_without_its_database(tmp_path, template_db)
    seen: list[str] = []
    _answer_when_shown(qtbot, QMessageBox.StandardButton.Yes, seen, tmp_path / "dialog.png")
    opened = app.open_or_explain(folder)
    assert isinstance(opened, Workspace)
    try:
        assert opened.records.count("hub") == 1
    finally:
        opened.close()
    (text,) = seen
    assert "tidak ada" in text and str(newest) in text and "jipp.sqlite3-wal" in text
    assert "Pulihkan cadangan terbaru" in text
    (aside,) = (folder / "backups").glob("leftover-*")
    assert (aside / f"{DB_NAME}-wal").read_bytes() == LEFT_BEHIND


def test_declining_leaves_the_folder_as_it_was(
    qtbot: QtBot, tmp_path: Path, template_db: Path, indonesian: None
) -> None:
    folder, _ = _folder_without_its_database(tmp_path, template_db)
    seen: list[str] = []
    _answer_when_shown(qtbot, QMessageBox.StandardButton.No, seen, tmp_path / "dialog.png")
    assert app.open_or_explain(folder) == exit_codes.DAMAGED_FILE
    assert seen and not (folder / DB_NAME).exists()
    assert (folder / f"{DB_NAME}-wal").read_bytes() == LEFT_BEHIND


def test_without_a_backup_the_app_explains_and_stops(
    tmp_path: Path, template_db: Path, indonesian: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, _ = _folder_without_its_database(tmp_path, template_db)
    shutil.rmtree(folder / "backups")
    told: list[str] = []
    monkeypatch.setattr(app, "tell", told.append)
    assert app.open_or_explain(folder) == exit_codes.DAMAGED_FILE
    assert told and "Tidak ada cadangan" in told[0] and not (folder / DB_NAME).exists()
