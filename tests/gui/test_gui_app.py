"""Starting the GUI: a folder in use is refused politely, a damaged database offers its
latest good backup, and errors reach the log file instead of the screen as a traceback."""

from __future__ import annotations

import shutil
import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from jipp_desktop.cli import exit_codes
from jipp_desktop.core import backup, logs, migrations
from jipp_desktop.core.workspace import DB_NAME, Workspace, open_workspace
from jipp_desktop.gui import app, errors, i18n


def test_a_folder_in_use_is_refused_with_status_4(
    qapp: QApplication,
    workspace: Workspace,
    data_dir: Path,
    indonesian: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    told: list[str] = []
    monkeypatch.setattr(app, "tell", told.append)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    assert app.run_gui(data_dir, "id") == exit_codes.FOLDER_IN_USE
    assert len(told) == 1 and "sedang dipakai" in told[0]
    assert (data_dir / "logs" / "jipp.log").is_file()


def test_a_damaged_database_offers_the_latest_good_backup(
    qapp: QApplication,
    tmp_path: Path,
    template_db: Path,
    indonesian: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = tmp_path / "damaged"
    folder.mkdir()
    shutil.copyfile(template_db, folder / DB_NAME)
    with open_workspace(folder) as ws:
        ws.records.create("hub", {"province_code": "53", "name": "Simpul NTT"})
    good = backup.automatic_backup(folder / DB_NAME, folder, "test")
    assert good is not None
    with open(folder / DB_NAME, "r+b") as handle:
        handle.seek(4096)
        handle.write(b"\xff" * 8192)

    offered: list[Any] = []
    monkeypatch.setattr(app, "ask_restore", lambda exc: offered.append(exc) or True)
    opened = app.open_or_explain(folder)
    assert isinstance(opened, Workspace)
    try:
        assert opened.records.count("hub") == 1
    finally:
        opened.close()
    assert offered and offered[0].latest_backup == good
    assert list((folder / "backups").glob(f"damaged-*/{DB_NAME}"))


def test_declining_the_restore_exits_with_the_damaged_file_status(
    qapp: QApplication, tmp_path: Path, indonesian: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / DB_NAME).write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    told: list[str] = []
    monkeypatch.setattr(app, "tell", told.append)
    assert app.open_or_explain(folder) == exit_codes.DAMAGED_FILE
    assert told and "rusak" in told[0]


def test_unexpected_errors_are_logged_and_shown_without_traceback(
    qapp: QApplication,
    tmp_path: Path,
    indonesian: None,
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    log_path = logs.setup_logging(tmp_path)
    errors.install_excepthook()
    try:
        raise ZeroDivisionError("boom")
    except ZeroDivisionError:
        sys.excepthook(*sys.exc_info())
    box = next(
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "jipp_error_box"
    )
    assert box.text() == "Terjadi kesalahan. Rinciannya dicatat di berkas log."
    assert "ZeroDivisionError" in box.detailedText()
    box.close()
    logs.close_logging()
    assert "ZeroDivisionError: boom" in log_path.read_text(encoding="utf-8")


def test_run_gui_opens_the_window_and_exits_cleanly(
    qapp: QApplication,
    workspace: Workspace,
    data_dir: Path,
    indonesian: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtCore import QTimer

    from jipp_desktop.gui.main_window import MainWindow

    workspace.settings.set("setup_done", "1")
    workspace.close()  # run_gui opens the folder itself
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    seen: list[str] = []

    def close_when_shown() -> None:
        windows = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        ]
        if not windows:
            QTimer.singleShot(10, close_when_shown)
            return
        seen.append(windows[0].nav.item(0).text())
        windows[0].close()

    QTimer.singleShot(0, close_when_shown)
    assert app.run_gui(data_dir, None) == exit_codes.OK
    assert seen == ["Beranda"]
    assert (data_dir / app.SETTINGS_FILE).is_file()


def test_the_start_frame_is_drawn_before_the_data_folder_opens(
    qapp: QApplication,
    workspace: Workspace,
    data_dir: Path,
    indonesian: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtCore import QTimer

    from jipp_desktop.gui.main_window import MainWindow

    workspace.settings.set("setup_done", "1")
    workspace.close()
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    opening = app.open_or_explain
    at_opening: list[tuple[str, bool]] = []

    def open_and_note(folder: Path) -> Any:
        frames = [w for w in QApplication.topLevelWidgets() if w.objectName() == "start_frame"]
        visible = [f for f in frames if f.isVisible()]
        assert len(visible) == 1
        at_opening.append((visible[0].placeholder.text(), visible[0]._painted))
        return opening(folder)

    monkeypatch.setattr(app, "open_or_explain", open_and_note)
    frame_left: list[bool] = []

    def close_when_shown() -> None:
        windows = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        ]
        if not windows:
            QTimer.singleShot(10, close_when_shown)
            return
        frame_left.append(
            any(w.objectName() == "start_frame" and w.isVisible() for w in qapp.topLevelWidgets())
        )
        windows[0].close()

    QTimer.singleShot(0, close_when_shown)
    assert app.run_gui(data_dir, None) == exit_codes.OK
    # The frame was drawn (not just asked for) with its words before the folder opened,
    # and gave way to the main window.
    assert at_opening == [("Membuka folder data…", True)]
    assert frame_left == [False]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("id", "dibuat oleh versi JIPP Desktop yang lebih baru"),
        ("en", "written by a newer JIPP Desktop"),
    ],
)
def test_an_older_app_refuses_a_newer_data_folder_and_leaves_it_alone(
    qapp: QApplication,
    data_dir: Path,
    lang: str,
    expected: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An officer who goes back to an older bundle is told to update, and nothing changes."""
    conn = sqlite3.connect(data_dir / DB_NAME)
    conn.execute(f"PRAGMA user_version = {migrations.latest_version() + 1}")
    conn.close()
    before = (data_dir / DB_NAME).read_bytes()
    told: list[str] = []
    monkeypatch.setattr(app, "tell", told.append)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    try:
        assert app.run_gui(data_dir, lang) == exit_codes.DAMAGED_FILE
    finally:
        i18n.install("id")
    assert len(told) == 1 and expected in told[0]
    assert (data_dir / DB_NAME).read_bytes() == before
    assert not backup.list_backups(data_dir)


def test_smoke_test_start_closes_once_the_main_window_is_shown(
    qapp: QApplication,
    workspace: Workspace,
    data_dir: Path,
    indonesian: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    workspace.settings.set("setup_done", "1")
    workspace.close()
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    assert app.main(["--data-dir", str(data_dir), "--smoke-test"]) == exit_codes.OK
    log_text = (data_dir / "logs" / "jipp.log").read_text(encoding="utf-8")
    assert "smoke test: main window shown" in log_text


def test_the_about_box_shows_the_version_of_the_installed_app(window: Any) -> None:
    """After an offline update the officer checks which version runs: Help → About."""
    from PySide6.QtCore import QTimer

    from jipp_desktop import __version__

    seen: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, read_and_close)
            return
        seen.append(box.text())
        box.accept()

    QTimer.singleShot(0, read_and_close)
    window.about()
    assert seen and f"JIPP Desktop {__version__}" in seen[0]
