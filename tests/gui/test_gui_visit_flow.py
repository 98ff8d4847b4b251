"""Recording a mentoring visit with obstacles and follow-ups, as a newcomer would."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from jipp_desktop.core.workspace import Workspace
from jipp_desktop.gui.editors.child_table import ERROR_BRUSH
from jipp_desktop.gui.editors.inputs import RefInput, RegionInput
from jipp_desktop.gui.main_window import MainWindow
from jipp_desktop.gui.widgets import DateField


def test_visit_with_two_obstacles_and_a_follow_up(
    qtbot: Any, window: MainWindow, workspace: Workspace, hub: str
) -> None:
    page = window.show_page("visit")
    page.new_button.click()
    editor = window.editors[0]

    hub_input = editor.input("hub_id")
    assert isinstance(hub_input, RefInput) and hub_input.combo is not None
    hub_input.combo.set_code(hub)
    date = editor.input("start_date").widget
    assert isinstance(date, DateField)
    qtbot.keyClicks(date.edit, "28/9/2022")
    date.edit.editingFinished.emit()
    assert date.edit.text() == "28 September 2022"
    region = editor.input("regency_code")
    assert isinstance(region, RegionInput)
    region.regency_combo.set_code("53.15")
    qtbot.keyClicks(editor.input("place").widget, "Aula Bappelitbangda")

    obstacles = editor.child_tables["obstacles"]
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    editor.tabs.setCurrentWidget(obstacles)
    obstacles.add_button.click()
    # The first description is typed into the cell editor, as the officer would.
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    editor_widget = QApplication.focusWidget()
    qtbot.keyClicks(editor_widget, "Belum ada SK tim inovasi")
    qtbot.keyClick(editor_widget, Qt.Key.Key_Return)
    # The delegate commits on the next turn of the event loop.
    qtbot.waitUntil(lambda: obstacles.cell(0, "description") == "Belum ada SK tim inovasi")
    obstacles.add_button.click()
    obstacles.set_cell(1, "category", "budget")

    followups = editor.child_tables["followups"]
    followups.add_button.click()
    followups.set_cell(0, "action", "Menyusun draf SK tim inovasi")
    followups.set_cell(0, "owner", "Kepala Bappelitbangda")
    followups.set_cell(0, "due_date", dt.date.today().isoformat())

    # The second obstacle has no description: the message lands on its row and cell.
    editor.save_button.click()
    assert editor.record_id is None
    assert editor.tabs.currentWidget() is obstacles
    assert "Baris 2" in obstacles.errors.text() and "wajib diisi" in obstacles.errors.text()
    desc_col = [f.name for f in obstacles.fields].index("description")
    assert obstacles.table.item(1, desc_col).background() == ERROR_BRUSH

    obstacles.set_cell(1, "description", "Anggaran replikasi belum dialokasikan")
    editor.save_button.click()
    assert editor.record_id is not None, editor.summary.text()
    assert obstacles.errors.isHidden()

    visit = workspace.records.get("visit", editor.record_id)
    assert [o["description"] for o in visit["obstacles"]] == [
        "Belum ada SK tim inovasi",
        "Anggaran replikasi belum dialokasikan",
    ]
    assert visit["obstacles"][1]["category"] == "budget"
    assert [f["action"] for f in visit["followups"]] == ["Menyusun draf SK tim inovasi"]
    assert visit["start_date"] == "2022-09-28"
    assert visit["regency_code"] == "53.15"

    # Saved rows keep their ids: editing one row updates it instead of replacing it.
    first_id = visit["obstacles"][0]["id"]
    obstacles.set_cell(0, "severity", "high")
    editor.save_button.click()
    again = workspace.records.get("visit", editor.record_id)
    assert again["obstacles"][0]["id"] == first_id
    assert again["obstacles"][0]["severity"] == "high"

    # The follow-up is due this month, so the dashboard lists it; double-click opens the visit.
    editor.close_button.click()
    qtbot.waitUntil(lambda: not window.editors)
    dashboard = window.show_page("dashboard")
    qtbot.waitUntil(lambda: dashboard.followups.rowCount() == 1)
    assert dashboard.followups.item(0, 1).text() == "Menyusun draf SK tim inovasi"
    dashboard.followups.cellDoubleClicked.emit(0, 1)
    assert [(e.type_name, e.record_id) for e in window.editors] == [("visit", visit["id"])]


def test_work_plan_activity_months_are_picked_by_name(
    qtbot: Any, window: MainWindow, workspace: Workspace, hub: str
) -> None:
    from jipp_desktop.gui.widgets import CodeCombo

    editor = window.open_editor("workplan", None, {"hub_id": hub})
    qtbot.keyClicks(editor.input("year").widget, "2025")
    qtbot.keyClicks(editor.input("title").widget, "Rencana Kegiatan 2025")
    activities = editor.child_tables["activities"]
    activities.add_button.click()
    activities.set_cell(0, "name", "Bimbingan teknis operator portal")
    col = [f.name for f in activities.fields].index("start_month")
    activities.table.setCurrentCell(0, col)
    activities.table.editItem(activities.table.item(0, col))
    combo = activities.table.findChild(CodeCombo)
    assert combo is not None and combo.itemText(3) == "Maret"
    combo.set_code("3")
    activities.table.setCurrentCell(0, 0)  # leaving the cell commits the editor
    qtbot.waitUntil(lambda: activities.cell(0, "start_month") == "3")
    assert activities.table.item(0, col).text() == "Maret"
    editor.save_button.click()
    assert editor.record_id is not None, editor.summary.text()
    plan = workspace.records.get("workplan", editor.record_id)
    assert plan["activities"][0]["start_month"] == 3


def test_a_newcomer_records_a_first_visit_without_any_hub_yet(
    qtbot: Any, window: MainWindow, workspace: Workspace
) -> None:
    """Fresh laptop, province set at first run, no hub yet: the visit form makes one."""
    workspace.settings.set("province_code", "53")
    window.show_page("visit").new_button.click()
    visit = window.editors[0]
    hub_input = visit.input("hub_id")
    assert isinstance(hub_input, RefInput) and hub_input.only_choice() is None
    region = visit.input("regency_code")
    assert isinstance(region, RegionInput)
    # The officer's province comes first in the place picker.
    assert str(region.regency_combo.itemData(1)).startswith("53.")

    hub_input.new_button.click()
    hub_editor = hub_input.new_editor
    assert hub_editor is not None and hub_editor.windowTitle() == "Simpul Inovasi baru"
    assert hub_editor.input("province_code").values() == {"province_code": "53"}
    qtbot.keyClicks(hub_editor.input("name").widget, "Simpul Inovasi NTT")
    hub_editor.save_close_button.click()
    hub_id = hub_input.values()["hub_id"]
    assert hub_id is not None and hub_input.combo.currentText() == "Simpul Inovasi NTT"

    qtbot.keyClicks(visit.input("start_date").widget.edit, "5/3/2024")
    region.regency_combo.set_code("53.71")
    obstacles = visit.child_tables["obstacles"]
    obstacles.add_row({"description": "Belum ada regulasi inovasi daerah"})
    visit.save_close_button.click()
    qtbot.waitUntil(lambda: not window.editors)
    saved = workspace.records.list("visit")
    assert [v["hub_id"] for v in saved] == [hub_id]

    # The next visit already has the (only) hub filled in.
    window.show_page("visit").new_button.click()
    again = window.editors[0].input("hub_id")
    assert again.values() == {"hub_id": hub_id}
