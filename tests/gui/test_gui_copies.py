"""Duplicate (Ctrl+D) from an editor and from a list, and one commitment copied to three
hubs at once, typed by keyboard."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from jipp_desktop.core.workspace import Workspace
from jipp_desktop.gui.editors.copy_dialog import CopyToHubsDialog
from jipp_desktop.gui.list_page import RecordListPage
from jipp_desktop.gui.main_window import MainWindow
from tests.gui.keyboard import Keyboard

CTRL = Qt.KeyboardModifier.ControlModifier
WITNESS = {
    "name": "Diah Natalisa",
    "position": "Deputi Bidang Pelayanan Publik",
    "institution": "Kementerian PANRB",
    "party": "kemenpanrb",
}
GOVERNOR = {
    "name": "Sekda NTT",
    "position": "Sekretaris Daerah",
    "institution": "Pemerintah Provinsi Nusa Tenggara Timur",
    "party": "provincial_government",
}


def _commitment(workspace: Workspace, hub: str) -> str:
    return workspace.records.create(
        "commitment",
        {
            "kind": "hub_formation",
            "number": "053/2022",
            "signed_on": "2022-09-28",
            "event_name": "Lokakarya Peer to Peer Learning",
            "place_regency_code": "53.15",
            "province_code": "53",
            "hub_id": hub,
            "text": "Kami berkomitmen membentuk simpul inovasi.",
            "signatories": [GOVERNOR, WITNESS],
        },
    )


def test_ctrl_d_in_the_editor_opens_a_copy_with_new_rows(
    qtbot: Any, window: MainWindow, workspace: Workspace, hub: str
) -> None:
    original = _commitment(workspace, hub)
    editor = window.open_editor("commitment", original)
    Keyboard().press(Qt.Key.Key_D, CTRL, target=editor)
    commitments = workspace.records.list("commitment")
    assert len(commitments) == 2
    copy_id = next(c["id"] for c in commitments if c["id"] != original)
    assert [e.record_id for e in window.editors] == [original, copy_id]
    copy = workspace.records.get("commitment", copy_id)
    assert [s["name"] for s in copy["signatories"]] == ["Sekda NTT", "Diah Natalisa"]
    before = {s["id"] for s in workspace.records.get("commitment", original)["signatories"]}
    assert not before & {s["id"] for s in copy["signatories"]}


def test_ctrl_d_in_a_list_duplicates_the_selected_record(
    qtbot: Any, window: MainWindow, workspace: Workspace
) -> None:
    workspace.records.create("innovation", {"title": "Sistem Arsip Digital", "province_code": "53"})
    page = window.show_page("innovation")
    assert isinstance(page, RecordListPage)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.table.selectRow(0)
    Keyboard().press(Qt.Key.Key_D, CTRL, target=window)
    titles = [r["title"] for r in workspace.records.list("innovation")]
    assert titles == ["Sistem Arsip Digital", "Sistem Arsip Digital"]
    assert len(window.editors) == 1 and window.editors[0].type_name == "innovation"


def test_a_commitment_copied_to_three_hubs_by_keyboard(
    qtbot: Any, window: MainWindow, workspace: Workspace
) -> None:
    hubs = {
        code: workspace.records.create("hub", {"province_code": code, "name": name})
        for code, name in (
            ("53", "Simpul NTT"),
            ("36", "Simpul Banten"),
            ("61", "Simpul Kalbar"),
            ("12", "Simpul Sumut"),
        )
    }
    original = _commitment(workspace, hubs["53"])
    editor = window.open_editor("commitment", original)
    keys = Keyboard()
    keys.press(Qt.Key.Key_D, CTRL | Qt.KeyboardModifier.ShiftModifier, target=editor)
    dialog = editor.findChild(CopyToHubsDialog)
    assert dialog is not None
    # The other three hubs, by name; the cursor waits in the first one's number.
    assert [dialog.table.item(r, 0).text() for r in range(3)] == [
        "Simpul Banten",
        "Simpul Kalbar",
        "Simpul Sumut",
    ]
    for number in ("036/2022", "061/2022", "012/2022"):
        keys.type(number + "\n", dialog)
        keys.press(Qt.Key.Key_Down, target=dialog)
    keys.press(Qt.Key.Key_Return, target=dialog)
    assert not dialog.isVisible()

    copies = {c["hub_id"]: c for c in workspace.records.list("commitment") if c["id"] != original}
    assert set(copies) == {hubs["36"], hubs["61"], hubs["12"]}
    for code, number in (("36", "036/2022"), ("61", "061/2022"), ("12", "012/2022")):
        copy = workspace.records.get("commitment", copies[hubs[code]]["id"])
        assert (copy["number"], copy["province_code"]) == (number, code)
        assert (copy["signed_on"], copy["place_regency_code"]) == ("2022-09-28", "53.15")
        assert [s["name"] for s in copy["signatories"]] == ["Diah Natalisa"]
    assert editor.status.text() == "3 salinan dibuat."
