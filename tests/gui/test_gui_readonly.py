"""The app on a read-only data folder (a real read-only mount): it says so, then reads."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from jipp_desktop.core.workspace import DB_NAME, Workspace, open_workspace
from jipp_desktop.gui import app
from jipp_desktop.gui.main_window import MainWindow


@pytest.fixture
def readonly_folder(tmp_path: Path, template_db: Path) -> Iterator[Path]:
    if os.geteuid() != 0:
        pytest.skip("a real read-only filesystem needs root (mount)")
    source = tmp_path / "sumber"
    source.mkdir()
    shutil.copyfile(template_db, source / DB_NAME)
    with open_workspace(source) as ws:
        ws.records.create("hub", {"province_code": "53", "name": "Simpul Inovasi NTT"})
    mount = tmp_path / "ro"
    mount.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=32m", "tmpfs", str(mount)], check=True)
    try:
        shutil.copytree(source, mount / "data")
        subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
        yield mount / "data"
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_the_app_opens_a_read_only_folder_for_reading(
    qtbot: Any,
    readonly_folder: Path,
    gui_settings: QSettings,
    indonesian: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    told: list[str] = []
    monkeypatch.setattr(app, "tell", told.append)
    opened = app.open_or_explain(readonly_folder)
    assert isinstance(opened, Workspace) and opened.readonly
    try:
        assert told and f"Folder {readonly_folder} hanya bisa dibaca" in told[0]
        window = MainWindow(opened, gui_settings)
        qtbot.addWidget(window)
        window.show()
        page = window.list_page("hub")
        window.show_page("hub")
        qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    finally:
        opened.close()
