"""Forms that fit the task: one province on the commitment form, signatories whose six
columns fit at 1366 pixels and whose party follows what is typed, and child tables whose
words get the width."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from jipp_desktop.core.workspace import Workspace
from jipp_desktop.gui.editors.child_table import ChildTable
from jipp_desktop.gui.editors.record_editor import RecordEditor
from jipp_desktop.gui.main_window import MainWindow
from tests.gui.keyboard import Keyboard


def _accessible_names(editor: RecordEditor) -> list[str]:
    names = []
    for input_ in editor._inputs:
        for widget in [input_.widget, *input_.widget.findChildren(QWidget)]:
            if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.accessibleName():
                names.append(widget.accessibleName())
    return names


def test_the_commitment_form_asks_for_one_province_and_names_the_place_of_signing(
    qtbot: Any, window: MainWindow, workspace: Workspace
) -> None:
    sumut = workspace.records.create("hub", {"province_code": "12", "name": "Simpul Sumut"})
    workspace.records.create("hub", {"province_code": "36", "name": "Simpul Banten"})
    editor = window.open_editor("commitment", None)
    names = _accessible_names(editor)
    assert names.count("Provinsi") == 1
    assert "Tempat Penandatanganan" in names
    assert len(names) == len(set(names)), names

    # The hub's province fills "Provinsi"; the place of signing lies elsewhere.
    keys = Keyboard()
    keys.type("sumut\n", editor)
    assert editor.input("hub_id").values() == {"hub_id": sumut}
    assert editor.input("province_code").values() == {"province_code": "12"}
    place = editor.input("place_regency_code")
    place.widget.setFocus()
    keys.type("manggarai barat\n", editor)
    assert place.values() == {"place_regency_code": "53.15"}


def _show_tab(qtbot: Any, editor: RecordEditor, key: str, width: int) -> ChildTable:
    editor.resize(width, 700)
    editor.show()
    qtbot.waitExposed(editor)
    table = editor.child_tables[key]
    editor.tabs.setCurrentWidget(table)
    qtbot.waitUntil(table.isVisible)
    QApplication.processEvents()
    return table


def test_all_six_signatory_columns_fit_at_1366_pixels(qtbot: Any, window: MainWindow) -> None:
    editor = window.open_editor("commitment", None)
    table = _show_tab(qtbot, editor, "signatories", 1366)
    table.add_row(
        {
            "name": "Prof. Dr. Diah Natalisa, MBA",
            "position": "Deputi Bidang Pelayanan Publik",
            "institution": "Kementerian PANRB",
            "nip": "196712251992032001",
            "rank": "Pembina Utama (IV/e)",
        }
    )
    grid = table.table
    header = grid.horizontalHeader()
    assert [f.name for f in table.fields] == [
        "name",
        "position",
        "institution",
        "party",
        "nip",
        "rank",
    ]
    assert grid.horizontalScrollBar().maximum() == 0
    for col in range(grid.columnCount()):
        right = header.sectionViewportPosition(col) + header.sectionSize(col)
        assert right <= grid.viewport().width(), table.fields[col].name
        # Wide enough for its header and for an 18-digit NIP.
        assert header.sectionSize(col) >= header.sectionSizeFromContents(col).width()
    nip = grid.item(0, 4)
    assert nip is not None
    assert grid.fontMetrics().horizontalAdvance(nip.text()) < header.sectionSize(4)


def test_follow_up_actions_get_the_width_at_760_pixels(qtbot: Any, window: MainWindow) -> None:
    editor = window.open_editor("visit", None)
    table = _show_tab(qtbot, editor, "followups", 760)
    header = table.table.horizontalHeader()
    width = {f.name: header.sectionSize(i) for i, f in enumerate(table.fields)}
    assert width["action"] >= 200, width
    assert width["action"] > width["owner"], width
    assert table.table.horizontalScrollBar().maximum() == 0


def test_a_signatory_typed_by_keyboard_gets_its_party(qtbot: Any, window: MainWindow) -> None:
    editor = window.open_editor("commitment", None)
    table = _show_tab(qtbot, editor, "signatories", 1366)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    table.add_button.click()
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    keys = Keyboard()
    keys.type("Prof. Dr. Diah Natalisa\tDeputi Bidang Pelayanan Publik\tKementerian PANRB\n")
    qtbot.waitUntil(lambda: table.cell(0, "institution") == "Kementerian PANRB")
    assert table.cell(0, "name") == "Prof. Dr. Diah Natalisa"
    assert table.cell(0, "party") == "kemenpanrb"
    assert table.table.item(0, 3).text() == "Kementerian PANRB"
