"""Delete moves records to the trash with an "Urungkan" next to the notice; Ctrl+Z too."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from jipp_desktop.core.errors import RecordNotFound
from jipp_desktop.core.workspace import Workspace
from jipp_desktop.gui.list_page import RecordListPage
from jipp_desktop.gui.main_window import MainWindow


def _agencies(workspace: Workspace, count: int) -> list[str]:
    return workspace.records.create_many(
        "agency",
        [{"name": f"Dinas {n}", "level": "province", "province_code": "53"} for n in range(count)],
    )


def _list(qtbot: Any, window: MainWindow, rows: int) -> RecordListPage:
    page = window.show_page("agency")
    assert isinstance(page, RecordListPage)
    page.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() == rows)
    return page


def _select(page: RecordListPage, rows: list[int]) -> None:
    selection = page.table.selectionModel()
    selection.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in rows:
        selection.select(page.model.index(row, 0), flags)


def _alive(workspace: Workspace) -> int:
    return workspace.records.stats()["agency"]


def test_one_delete_goes_at_once_and_the_undo_button_brings_it_back(
    qtbot: Any, window: MainWindow, workspace: Workspace
) -> None:
    _agencies(workspace, 3)
    page = _list(qtbot, window, 3)
    _select(page, [1])
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)  # no question for a single record
    assert _alive(workspace) == 2
    notice = window.undo_notice
    assert notice.isVisible()
    assert notice.label.text() == "1 data dipindahkan ke Sampah —"
    assert notice.undo_button.text() == "Urungkan"
    notice.undo_button.click()
    assert _alive(workspace) == 3
    assert not notice.isVisible()
    assert not window.undo_action.isEnabled()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)


def test_ctrl_z_undoes_the_last_delete(
    qtbot: Any, window: MainWindow, workspace: Workspace
) -> None:
    ids = _agencies(workspace, 2)
    page = _list(qtbot, window, 2)
    _select(page, [0])
    deleted = page.selected_ids()
    page.delete_selected()
    assert window.undo_action.isEnabled()
    window.activateWindow()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _alive(workspace) == 2
    actions = [h["action"] for h in workspace.records.history("agency", deleted[0])]
    assert actions[-2:] == ["delete", "restore"]
    assert set(deleted) <= set(ids)
    # Nothing left to undo: a second Ctrl+Z changes nothing.
    window.undo_action.trigger()
    assert _alive(workspace) == 2


def _answer_next_question(button: QMessageBox.StandardButton, asked: list[str]) -> None:
    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        asked.append(box.text())
        box.button(button).click()

    QTimer.singleShot(0, answer)


def test_deleting_several_asks_first(qtbot: Any, window: MainWindow, workspace: Workspace) -> None:
    _agencies(workspace, 4)
    page = _list(qtbot, window, 4)
    _select(page, [0, 2, 3])
    asked: list[str] = []
    _answer_next_question(QMessageBox.StandardButton.No, asked)
    page.delete_selected()
    assert asked == ["Pindahkan 3 data ke Sampah?"]
    assert _alive(workspace) == 4
    assert not window.undo_notice.isVisible()

    _answer_next_question(QMessageBox.StandardButton.Yes, asked)
    page.delete_selected()
    assert _alive(workspace) == 1
    assert window.undo_notice.label.text() == "3 data dipindahkan ke Sampah —"
    window.undo_action.trigger()
    assert _alive(workspace) == 4


def test_many_at_once_is_all_or_nothing(workspace: Workspace) -> None:
    ids = _agencies(workspace, 2)
    with pytest.raises(RecordNotFound):
        workspace.records.delete_many("agency", [ids[0], "no-such-id"])
    assert _alive(workspace) == 2
    workspace.records.delete_many("agency", ids)
    with pytest.raises(RecordNotFound):
        workspace.records.restore_many("agency", [ids[1], "no-such-id"])
    assert _alive(workspace) == 0
