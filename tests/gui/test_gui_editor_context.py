"""Forms that remember where the officer is: "New…" carries the form's province, the
only hub is filled in, and "Saved." goes once the form changes again."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from jipp_desktop.core.workspace import Workspace
from jipp_desktop.gui.editors.inputs import RefInput
from jipp_desktop.gui.main_window import MainWindow
from tests.gui.keyboard import Keyboard


def test_new_agency_from_the_hub_form_starts_in_the_hubs_province(
    qtbot: Any, window: MainWindow, workspace: Workspace
) -> None:
    hub_editor = window.open_editor("hub", None)
    keys = Keyboard()
    keys.type("Simpul Inovasi Kalbar\tkalbar\n", hub_editor)
    assert hub_editor.input("province_code").values() == {"province_code": "61"}
    agency = hub_editor.input("coordinating_agency_id")
    assert isinstance(agency, RefInput) and agency.combo is not None
    agency.combo.setFocus()
    keys.press(Qt.Key.Key_F2, target=hub_editor)
    new = agency.new_editor
    assert new is not None
    values = new.values()
    assert values["province_code"] == "61"
    assert values["level"] == "province"
    keys.type("Bappeda Provinsi Kalimantan Barat", new)
    assert new.save()
    new.accept()
    created = agency.values()["coordinating_agency_id"]
    assert workspace.records.get("agency", created)["province_code"] == "61"


def test_the_commitment_form_fills_in_the_only_hub(
    qtbot: Any, window: MainWindow, hub: str
) -> None:
    editor = window.open_editor("commitment", None)
    assert editor.input("hub_id").values() == {"hub_id": hub}


def test_saved_note_goes_when_the_form_changes_again(qtbot: Any, window: MainWindow) -> None:
    editor = window.open_editor("agency", None)
    keys = Keyboard()
    keys.type("Bappenas", editor)
    assert editor.save()
    assert editor.status.text() == "Tersimpan."
    keys.type(" RI", editor)
    assert editor.status.text() == ""
    assert editor.windowTitle().endswith("*")
