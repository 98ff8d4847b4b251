"""A ministry workstation whose PostgreSQL server cannot be reached: the app says so,
names the server without the password, and exits with the documented status."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from test_gui_missing_db import _answer_when_shown

from jipp_desktop.cli import exit_codes
from jipp_desktop.core import engine
from jipp_desktop.gui import app


def test_an_unreachable_server_is_explained_and_exits_9(
    qtbot: QtBot, tmp_path: Path, indonesian: None, qapp: QApplication,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    url = f"postgresql://petugas:rahasia@/jipp?host={tmp_path}&port=1&connect_timeout=2"
    monkeypatch.setenv(engine.ENV_DATABASE, url)
    seen: list[str] = []
    _answer_when_shown(qtbot, QMessageBox.StandardButton.Ok, seen, tmp_path / "dialog.png")
    assert app.open_or_explain(tmp_path / "data") == exit_codes.DATABASE_UNREACHABLE
    (text,) = seen
    assert "tidak dapat dihubungi" in text and "petugas:***@" in text
    assert "rahasia" not in text
