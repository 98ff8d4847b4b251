"""Data entry at the keyboard: what is typed at once after opening an editor lands in
its first field, Tab walks the fields in reading order, and every picker filters as
the officer types."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPushButton, QToolButton, QWidget

from jipp_desktop.core.workspace import Workspace
from jipp_desktop.gui.editors.inputs import Input, RefInput, RegionInput
from jipp_desktop.gui.editors.record_editor import RecordEditor
from jipp_desktop.gui.main_window import MainWindow
from jipp_desktop.gui.pickers import CodeCombo
from jipp_desktop.gui.widgets import DateField
from tests.gui.keyboard import Keyboard

TYPES = ("innovation", "replication", "commitment", "visit", "workplan", "hub", "agency")


def shown_text(input_: Input) -> str:
    """What the officer sees in a field's text box (a picker's typed text included)."""
    widget = input_.widget
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, DateField):
        return widget.edit.text()
    combo = widget if isinstance(widget, CodeCombo) else widget.findChild(CodeCombo)
    assert combo is not None, f"no text box in {widget.objectName()}"
    return combo.lineEdit().text()


def owner(editor: RecordEditor, widget: QWidget | None) -> Input | None:
    for input_ in editor._inputs:
        if widget is input_.widget or (widget is not None and input_.widget.isAncestorOf(widget)):
            return input_
    return None


@pytest.mark.parametrize("type_name", TYPES)
def test_keys_typed_at_once_after_opening_land_in_the_first_field(
    qtbot: Any, window: MainWindow, type_name: str
) -> None:
    editor = window.open_editor(type_name, None)
    # No waiting for the window to be exposed or activated: the officer types at once.
    Keyboard().type("Qwerty", editor)
    first = editor._inputs[0]
    assert shown_text(first) == "Qwerty"


def test_ctrl_n_then_typing_fills_the_name(qtbot: Any, window: MainWindow) -> None:
    window.show_page("agency")
    keys = Keyboard()
    keys.press(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier, target=window)
    assert len(window.editors) == 1
    keys.type("Bappeda NTT", window.editors[0])
    assert window.editors[0].input("name").values() == {"name": "Bappeda NTT"}


def test_tab_walks_the_fields_in_reading_order_skipping_helper_buttons(
    qtbot: Any, window: MainWindow
) -> None:
    editor = window.open_editor("hub", None)
    keys = Keyboard()
    visited: list[str] = []
    for _ in editor._inputs:
        focus = editor.focusWidget()
        assert not isinstance(focus, QToolButton | QPushButton), focus.objectName()
        input_ = owner(editor, focus)
        assert input_ is not None, f"Tab stopped outside the fields: {focus}"
        visited.append(input_.names[0])
        keys.press(Qt.Key.Key_Tab, target=editor)
    assert visited == [i.names[0] for i in editor._inputs]
    assert not editor.tabs.tabBar().focusPolicy() & Qt.FocusPolicy.TabFocus


def test_helper_buttons_answer_shortcuts(qtbot: Any, window: MainWindow) -> None:
    editor = window.open_editor("hub", None)
    date = editor.input("decree_date").widget
    assert isinstance(date, DateField)
    date.edit.setFocus()
    Keyboard().press(Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier, target=editor)
    menu = date.button.menu()
    assert menu is not None
    qtbot.waitUntil(menu.isVisible)
    menu.hide()

    agency = editor.input("coordinating_agency_id")
    assert isinstance(agency, RefInput) and agency.combo is not None
    agency.combo.setFocus()
    Keyboard().press(Qt.Key.Key_F2, target=editor)
    assert agency.new_editor is not None
    assert agency.new_editor.windowTitle() == "Instansi baru"
    agency.new_editor.reject()


def _innovation_in_ntt(window: MainWindow) -> tuple[RecordEditor, RegionInput]:
    editor = window.open_editor("innovation", None)
    region = editor.input("regency_code")
    assert isinstance(region, RegionInput) and region.picker is not None
    region.picker.province_combo.set_code("53")
    return editor, region


def test_typing_mangg_in_the_regency_picker_finds_manggarai_barat(
    qtbot: Any, window: MainWindow
) -> None:
    editor, region = _innovation_in_ntt(window)
    combo = region.regency_combo
    keys = Keyboard()
    combo.setFocus()
    keys.type("mangg", editor)
    shown = combo.shown_matches()
    assert shown == [
        "Kabupaten Manggarai",
        "Kabupaten Manggarai Barat",
        "Kabupaten Manggarai Timur",
    ]
    keys.press(Qt.Key.Key_Down, target=editor)
    keys.press(Qt.Key.Key_Return, target=editor)
    assert combo.code() == "53.15"
    assert combo.lineEdit().text() == "Kabupaten Manggarai Barat"
    assert editor.isVisible()  # Enter picked; it did not save and close

    # Two words narrow it at once; Enter takes the best match.
    combo.lineEdit().clear()
    keys.type("MANGG timur", editor)
    keys.press(Qt.Key.Key_Return, target=editor)
    assert combo.code() == "53.19"


def test_regencies_are_limited_to_the_chosen_province(qtbot: Any, window: MainWindow) -> None:
    editor, region = _innovation_in_ntt(window)
    region.regency_combo.setFocus()
    Keyboard().type("bandung", editor)
    assert region.regency_combo.shown_matches() == []


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("ntt", "53"), ("tenggara timur", "53"), ("kalbar", "61"), ("sumut", "12"), ("jatim", "35")],
)
def test_province_picker_finds_short_forms(
    qtbot: Any, window: MainWindow, typed: str, expected: str
) -> None:
    editor = window.open_editor("hub", None)
    combo = editor.input("province_code").widget
    assert isinstance(combo, CodeCombo)
    combo.setFocus()
    keys = Keyboard()
    keys.type(typed, editor)
    keys.press(Qt.Key.Key_Return, target=editor)
    assert combo.code() == expected


def test_escape_puts_the_choice_back_and_tab_takes_the_match(
    qtbot: Any, window: MainWindow
) -> None:
    editor = window.open_editor("hub", None)
    combo = editor.input("status").widget
    assert isinstance(combo, CodeCombo) and combo.code() == "candidate"
    combo.setFocus()
    keys = Keyboard()
    keys.type("akt", editor)
    keys.press(Qt.Key.Key_Escape, target=editor)
    assert combo.code() == "candidate" and combo.lineEdit().text() == "Calon"
    assert editor.isVisible()
    keys.type("tidak", editor)
    keys.press(Qt.Key.Key_Tab, target=editor)
    assert combo.code() == "inactive" and combo.lineEdit().text() == "Tidak Aktif"
    assert owner(editor, editor.focusWidget()) is editor.input("year_designated")


def test_agency_picker_finds_short_names(
    qtbot: Any, window: MainWindow, workspace: Workspace
) -> None:
    bappenas = workspace.records.create(
        "agency",
        {"name": "Kementerian PPN/Bappenas", "short_name": "Bappenas", "level": "ministry"},
    )
    workspace.records.create("agency", {"name": "Kementerian Dalam Negeri", "level": "ministry"})
    editor = window.open_editor("innovation", None)
    agency = editor.input("agency_id")
    assert isinstance(agency, RefInput) and agency.combo is not None
    agency.combo.setFocus()
    keys = Keyboard()
    keys.type("bappenas", editor)
    keys.press(Qt.Key.Key_Return, target=editor)
    assert agency.values() == {"agency_id": bappenas}
