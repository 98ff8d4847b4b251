"""An officer's innovation from form to trash and back, through real widgets."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from jipp_desktop.core.workspace import Workspace
from jipp_desktop.gui.editors.inputs import CategoryInput, RegionInput
from jipp_desktop.gui.editors.record_editor import RecordEditor
from jipp_desktop.gui.list_page import RecordListPage
from jipp_desktop.gui.main_window import MainWindow

TITLE = "Layanan Kesehatan Keliling Desa"


def _list(window: MainWindow) -> RecordListPage:
    page = window.show_page("innovation")
    assert isinstance(page, RecordListPage)
    return page


def _new_editor(qtbot: Any, window: MainWindow) -> RecordEditor:
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(window.editors) == 1)
    return window.editors[0]


def test_innovation_from_form_to_trash_and_back(
    qtbot: Any, window: MainWindow, workspace: Workspace
) -> None:
    workspace.records.create("innovation", {"title": "Sistem Arsip Digital", "province_code": "53"})
    page = _list(window)
    editor = _new_editor(qtbot, window)

    # A missing title is reported beside the title field, in Indonesian, and nothing is saved.
    editor.save_button.click()
    assert "Judul Inovasi wajib diisi" in editor.error_text("title")
    assert "Provinsi wajib diisi" in editor.error_text("province_code")
    assert editor.record_id is None
    assert workspace.records.count("innovation") == 1

    qtbot.keyClicks(editor.input("title").widget, TITLE)
    region = editor.input("province_code")
    assert isinstance(region, RegionInput)
    region.picker.province_combo.set_code("53")
    assert region.picker.regency_combo.findText("Kabupaten Kupang") >= 0
    region.picker.regency_combo.set_code("53.01")
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert editor.record_id is not None, editor.summary.text()
    assert editor.error_text("title") == ""
    assert not editor.is_dirty()
    saved_id = editor.record_id
    editor.close_button.click()
    qtbot.waitUntil(lambda: not window.editors)

    # Found by typing part of its title.
    qtbot.keyClicks(page.search, "kelil")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.model.record_id(0) == saved_id)
    assert page.model.data(page.model.index(0, page.model.column_index("regency_code"))) == (
        "Kabupaten Kupang"
    )

    # Edited, and the change shows in its history.
    page.table.selectRow(0)
    page.edit_button.click()
    editor = window.editors[0]
    # No year started: the newest list (2025) is offered; the history shows the label.
    category = editor.input("category")
    assert isinstance(category, CategoryInput)
    qtbot.keyClicks(category.combo, "keseh")
    qtbot.keyClick(category.combo, Qt.Key.Key_Return)
    assert editor.is_dirty()
    editor.save_button.click()
    assert workspace.records.get("innovation", saved_id)["category"] == "2025-health"
    history = editor.history.rows_text()
    assert any(row[4] == "Kategori" and row[5] == "— → Pelayanan Kesehatan" for row in history), (
        history
    )
    editor.close_button.click()
    qtbot.waitUntil(lambda: not window.editors)

    # Deleted with the Delete key, found in the trash, restored.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page.table.setFocus()
    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    assert workspace.records.count("innovation") == 1
    page.trash_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.table.selectRow(0)
    assert page.restore_button.isEnabled()
    page.restore_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    page.trash_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert workspace.records.get("innovation", saved_id)["title"] == TITLE


def test_unsaved_changes_are_guarded(qtbot: Any, window: MainWindow, monkeypatch: Any) -> None:
    from PySide6.QtWidgets import QMessageBox

    _list(window)
    editor = _new_editor(qtbot, window)
    qtbot.keyClicks(editor.input("title").widget, "Draf")
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    monkeypatch.setattr(RecordEditor, "ask_unsaved", lambda self: answers.pop(0))
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert editor.isVisible()
    editor.close()
    qtbot.waitUntil(lambda: not window.editors)
    assert not answers


def test_innovation_links_to_its_replications(
    qtbot: Any, window: MainWindow, workspace: Workspace
) -> None:
    innovation = workspace.records.create(
        "innovation", {"title": "Inovasi Asal", "province_code": "53"}
    )
    commitment = workspace.records.create(
        "commitment",
        {
            "kind": "replication",
            "signed_on": "2022-09-28",
            "place_regency_code": "53.15",
            "province_code": "53",
            "text": "Kami berkomitmen mereplikasi inovasi.",
        },
    )
    replication = workspace.records.create(
        "replication",
        {"innovation_id": innovation, "province_code": "52", "commitment_id": commitment},
    )
    editor = window.open_editor("innovation", innovation)
    link = editor.findChild(type(editor.save_button), "link_show_replications")
    assert link is not None and "(1)" in link.text()
    link.click()
    page = window.list_page("replication")
    assert window.current_key() == "replication"
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.record_id(0) == replication
    assert "Inovasi Asal" in page.filters.extra_label.text()

    rep_editor = window.open_editor("replication", replication)
    to_commitment = rep_editor.findChild(type(editor.save_button), "link_open_commitment")
    to_commitment.click()
    assert any(e.type_name == "commitment" and e.record_id == commitment for e in window.editors)


def test_big_link_lists_are_chosen_by_searching(
    qtbot: Any, window: MainWindow, workspace: Workspace, monkeypatch: Any
) -> None:
    from jipp_desktop.gui.editors import inputs
    from jipp_desktop.gui.editors.chooser import ChooseRecordDialog

    monkeypatch.setattr(inputs, "COMBO_LIMIT", 1)  # as with 100,000 innovations
    wanted = workspace.records.create(
        "innovation", {"title": "Mal Pelayanan Publik Digital", "province_code": "53"}
    )
    workspace.records.create("innovation", {"title": "Sekolah Sungai", "province_code": "53"})
    dialog = ChooseRecordDialog(workspace, window.display, "innovation", "Inovasi Asal", window)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2)
    qtbot.keyClicks(dialog.search, "mal pel")
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    dialog.table.selectRow(0)
    assert dialog.chosen() == wanted

    monkeypatch.setattr("jipp_desktop.gui.editors.chooser.choose_record", lambda *args: wanted)
    editor = window.open_editor("replication", None)
    source = editor.input("innovation_id")
    assert isinstance(source, inputs.RefInput) and source.combo is None
    choose = next(b for b in source.widget.findChildren(QPushButton) if b.text() == "Pilih…")
    choose.click()
    assert source.values() == {"innovation_id": wanted}
    assert source.label.text() == "Mal Pelayanan Publik Digital"
