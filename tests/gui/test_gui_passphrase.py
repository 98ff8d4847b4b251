"""An encrypted data folder: the app asks for its passphrase at start, again after a
wrong one, and exits with status 7 when the officer gives up."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QInputDialog

from jipp_desktop.cli import exit_codes
from jipp_desktop.core import cipher, encryption
from jipp_desktop.core.workspace import DB_NAME, Workspace, open_workspace
from jipp_desktop.gui import app

SECRET = "kopi tubruk pagi hari"


@pytest.fixture(autouse=True)
def _plain_database_after(data_dir: Path) -> Iterator[None]:
    """Leave the app's global database on a plain folder, as found: later GUI tests read
    through it without opening a folder of their own."""
    yield
    open_workspace(data_dir).close()


def _encrypted_folder(tmp_path: Path, template_db: Path) -> Path:
    folder = tmp_path / "encrypted"
    folder.mkdir()
    shutil.copyfile(template_db, folder / DB_NAME)
    encryption.convert(folder, DB_NAME, None, SECRET)
    assert cipher.is_plain(folder / DB_NAME) is False
    return folder


def _answering(answers: list[str | None], seen: list[str]) -> tuple[QTimer, Callable[[], None]]:
    """Answers each passphrase dialog in turn (None: Cancel), keeping what it said."""

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog) or not answers:
            return
        seen.append(dialog.labelText())
        answer = answers.pop(0)
        if answer is None:
            dialog.reject()
        else:
            dialog.setTextValue(answer)
            dialog.accept()

    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(poll)
    timer.start()
    return timer, poll


def test_the_app_asks_for_the_passphrase_until_it_is_right(
    qapp: QApplication, tmp_path: Path, template_db: Path, indonesian: None
) -> None:
    folder = _encrypted_folder(tmp_path, template_db)
    seen: list[str] = []
    timer, _poll = _answering(["teh manis sore hari", SECRET], seen)
    opened = app.open_or_explain(folder)
    timer.stop()
    assert isinstance(opened, Workspace)
    try:
        assert opened.records.count("hub") == 0 and opened.device_id
    finally:
        opened.close()
    assert len(seen) == 2
    assert str(folder) in seen[0] and "terenkripsi" in seen[0]
    assert "Frasa sandi salah" in seen[1]


def test_giving_up_exits_with_the_passphrase_status(
    qapp: QApplication, tmp_path: Path, template_db: Path, indonesian: None
) -> None:
    folder = _encrypted_folder(tmp_path, template_db)
    seen: list[str] = []
    timer, _poll = _answering([None], seen)
    assert app.open_or_explain(folder) == exit_codes.BAD_PASSPHRASE
    timer.stop()
    assert len(seen) == 1
