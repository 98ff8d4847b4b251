"""The Labuan Bajo signing of 28 September 2022 entered by keyboard alone.

Four hubs (Sumatera Utara 12, Banten 36, Nusa Tenggara Timur 53, Kalimantan Barat 61)
signed hub-formation commitments in Kabupaten Manggarai Barat, witnessed by the Deputy
for Public Service of Kementerian PANRB, with Bappenas, Kemendagri and USAID-ERAT.  The
officer types the first commitment with its five signatories, copies it to the other
three hubs with their numbers, and adds each hub's own signatory to its copy.  Every key
press is counted (a chord such as Ctrl+S counts one; moving to the next window, which a
window manager does with Alt+Tab, counts one); the figure is recorded in docs/gui.md.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from jipp_desktop.core.workspace import Workspace
from jipp_desktop.gui.editors.copy_dialog import CopyToHubsDialog
from jipp_desktop.gui.editors.record_editor import RecordEditor
from jipp_desktop.gui.main_window import MainWindow
from tests.gui.keyboard import Keyboard

CTRL = Qt.KeyboardModifier.ControlModifier
HUBS = {
    "12": "Simpul Inovasi Sumatera Utara",
    "36": "Simpul Inovasi Banten",
    "53": "Simpul Inovasi Nusa Tenggara Timur",
    "61": "Simpul Inovasi Kalimantan Barat",
}
EVENT = "Lokakarya Peer to Peer Learning"
TEXT = (
    "Kami yang bertanda tangan di bawah ini bersepakat membentuk dan mengembangkan "
    "simpul inovasi (Hub JIPP) sebagai pusat pembinaan inovasi pelayanan publik."
)
WITNESSES = [
    ("Dr. Ratna Wulandari", "Deputi Bidang Pelayanan Publik", "Kementerian PANRB"),
    ("Bambang Setiawan", "Direktur Aparatur Negara", "Kementerian PPN/Bappenas"),
    ("Hendra Gunawan", "Kepala Pusat Litbang Inovasi Daerah", "Kementerian Dalam Negeri"),
    ("Sarah Thompson", "Chief of Party", "USAID-ERAT"),
]
OWN = {
    "12": ("Arief Siregar", "Sekretaris Daerah", "Pemerintah Provinsi Sumatera Utara"),
    "36": ("Dewi Lestari", "Sekretaris Daerah", "Pemerintah Provinsi Banten"),
    "53": ("Yohanes Ndun", "Sekretaris Daerah", "Pemerintah Provinsi Nusa Tenggara Timur"),
    "61": ("Agus Hidayat", "Sekretaris Daerah", "Pemerintah Provinsi Kalimantan Barat"),
}
NUMBERS = {code: f"{code}/KOM-SIMPUL/JIPP/IX/2022" for code in HUBS}


def _type_signatory(keys: Keyboard, editor: QWidget, row: tuple[str, str, str]) -> None:
    keys.press(Qt.Key.Key_Insert, target=editor)  # new row, cursor in its name
    keys.type("\t".join(row) + "\n", editor)


def _switch_to(qtbot: Any, keys: Keyboard, editor: RecordEditor) -> None:
    """Alt+Tab to another window: one press; the window manager activates it."""
    keys.presses += 1
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)


def _signatories_tab(keys: Keyboard, editor: RecordEditor) -> None:
    while editor.tabs.currentWidget() is not editor.child_tables["signatories"]:
        keys.press(Qt.Key.Key_Tab, CTRL, target=editor)


def test_the_labuan_bajo_event_by_keyboard_alone(
    qtbot: Any, window: MainWindow, workspace: Workspace
) -> None:
    hubs = {
        code: workspace.records.create("hub", {"province_code": code, "name": name})
        for code, name in HUBS.items()
    }
    window.show_page("commitment")
    keys = Keyboard()

    # The first statement: Sumatera Utara's, typed field by field.
    keys.press(Qt.Key.Key_N, CTRL, target=window)
    first = window.editors[-1]
    keys.type("sumut\t\t", first)  # hub (its province follows), kind left as offered
    keys.type(NUMBERS["12"] + "\t28/9/2022\t" + EVENT + "\tmangg bar\t", first)
    keys.press(Qt.Key.Key_Tab, CTRL, target=first)  # the "Isi" tab
    keys.type(TEXT, first)
    _signatories_tab(keys, first)
    for row in (OWN["12"], *WITNESSES):
        _type_signatory(keys, first, row)
    keys.press(Qt.Key.Key_S, CTRL, target=first)
    assert first.record_id is not None, first.summary.text()

    # The other three hubs at once: a number each.
    keys.press(Qt.Key.Key_D, CTRL | Qt.KeyboardModifier.ShiftModifier, target=first)
    dialog = first.findChild(CopyToHubsDialog)
    assert dialog is not None
    for code in ("36", "61", "53"):  # the dialog lists the hubs by name
        keys.type(NUMBERS[code] + "\n", dialog)
        keys.press(Qt.Key.Key_Down, target=dialog)
    keys.press(Qt.Key.Key_Return, target=dialog)

    # Each copy opens in its own window: add that hub's own signatory, save, close.
    copies = [e for e in window.editors if e is not first]
    assert len(copies) == 3
    for editor in copies:
        _switch_to(qtbot, keys, editor)
        code = editor.values()["province_code"]
        _signatories_tab(keys, editor)
        _type_signatory(keys, editor, OWN[code])
        keys.press(Qt.Key.Key_S, CTRL, target=editor)
        keys.press(Qt.Key.Key_Escape, target=editor)
    _switch_to(qtbot, keys, first)
    keys.press(Qt.Key.Key_Escape, target=first)
    qtbot.waitUntil(lambda: not window.editors)

    stored = workspace.records.list("commitment")
    assert sorted(c["hub_id"] for c in stored) == sorted(hubs.values())
    for summary in stored:
        c = workspace.records.get("commitment", summary["id"])
        code = c["province_code"]
        assert c["hub_id"] == hubs[code]
        assert c["number"] == NUMBERS[code]
        assert (c["kind"], c["signed_on"]) == ("hub_formation", "2022-09-28")
        assert (c["event_name"], c["place_regency_code"]) == (EVENT, "53.15")
        assert c["text"] == TEXT
        rows = {(s["name"], s["position"], s["institution"], s["party"]) for s in c["signatories"]}
        assert rows == {
            (*OWN[code], "provincial_government"),
            (*WITNESSES[0], "kemenpanrb"),
            (*WITNESSES[1], "bappenas"),
            (*WITNESSES[2], "kemendagri"),
            (*WITNESSES[3], "partner"),
        }
    print(
        f"\nLabuan Bajo by keyboard: {keys.presses} key presses "
        f"({keys.characters} of them typing the words and numbers themselves)"
    )
    # The figure docs/gui.md records; a change in the flow must update the doc.
    doc = (Path(__file__).resolve().parents[2] / "docs" / "gui.md").read_text(encoding="utf-8")
    recorded = re.search(r"Labuan Bajo event by keyboard alone: \*\*(\d+) key presses", doc)
    assert recorded is not None, "docs/gui.md does not record the Labuan Bajo figure"
    assert keys.presses == int(recorded.group(1))
