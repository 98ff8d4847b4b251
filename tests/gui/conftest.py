"""GUI fixtures: real widgets on a real temporary data folder, in Indonesian."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from jipp_desktop.core.workspace import DB_NAME, Workspace, open_workspace
from jipp_desktop.gui import errors, i18n
from jipp_desktop.gui.editors.record_editor import RecordEditor
from jipp_desktop.gui.main_window import MainWindow
from jipp_desktop.gui.pyside_fix import protect_singletons
from jipp_desktop.gui.reader import shared_reader


@pytest.fixture(scope="session", autouse=True)
def _none_guard() -> None:
    """The app's guard against PySide6 builds that leak None and True references (pyside_fix)."""
    protect_singletons()


@pytest.fixture(autouse=True)
def _no_hanging_question(monkeypatch: pytest.MonkeyPatch) -> None:
    """An editor a failed test left with unsaved changes is closed by qtbot at teardown;
    its real "unsaved changes?" box is modal and, offscreen, nobody answers it: the whole
    run would hang there.  Tests that expect the question set their own answer."""
    monkeypatch.setattr(
        RecordEditor, "ask_unsaved", lambda self: QMessageBox.StandardButton.Discard
    )


@pytest.fixture(autouse=True)
def _no_box_left_open() -> Iterator[None]:
    """Error boxes are kept referenced until closed (gui/errors.py); one a test leaves open
    would be the first box the next test finds."""
    yield
    for box in list(errors._open_boxes):
        box.done(0)
    errors._open_boxes.clear()


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One freshly migrated and seeded database, copied for every test.

    Opening a brand-new folder seeds the region tables, which takes seconds; a copy
    of an already opened one opens in milliseconds and is the same database.
    """
    folder = tmp_path_factory.mktemp("template")
    open_workspace(folder).close()
    return folder / DB_NAME


@pytest.fixture
def data_dir(tmp_path: Path, template_db: Path, qapp: QApplication) -> Iterator[Path]:
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copyfile(template_db, folder / DB_NAME)
    yield folder
    # After the test's workspace has closed: let go of the reader thread's connection.
    shared_reader().release()


@pytest.fixture
def indonesian(qapp: QApplication) -> Iterator[None]:
    i18n.install("id")
    yield
    i18n.install("id")


@pytest.fixture
def gui_settings(tmp_path: Path) -> QSettings:
    """Window layout and list columns go to the test's own file, never the user's."""
    return QSettings(str(tmp_path / "gui-test.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(
    qtbot: Any,
    workspace: Workspace,
    gui_settings: QSettings,
    indonesian: None,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[MainWindow]:
    # An unexpected "unsaved changes?" question must fail the test, not hang it.
    def no_question(self: RecordEditor) -> QMessageBox.StandardButton:
        raise AssertionError(f"unexpected unsaved-changes question in {self.windowTitle()}")

    monkeypatch.setattr(RecordEditor, "ask_unsaved", no_question)
    win = MainWindow(workspace, gui_settings)
    # Closed by this fixture, not by qtbot, so the Discard answer below is in place first.
    win.show()
    qtbot.waitExposed(win)
    yield win
    # Whatever a test left unsaved is thrown away on the way out.
    monkeypatch.setattr(
        RecordEditor, "ask_unsaved", lambda self: QMessageBox.StandardButton.Discard
    )
    win.close()


@pytest.fixture
def hub(workspace: Workspace) -> str:
    return workspace.records.create("hub", {"province_code": "53", "name": "Simpul Inovasi NTT"})
