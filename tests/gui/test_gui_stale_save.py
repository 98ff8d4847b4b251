"""Two editors open on one record: the second save is refused, names who saved meanwhile,
and reloading keeps the officer's other changes (docs/gui.md, "Saved meanwhile")."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from jipp_desktop.core.staleness import StaleEdit
from jipp_desktop.core.workspace import Workspace
from jipp_desktop.gui.display import Display
from jipp_desktop.gui.editors.record_editor import RecordEditor


@pytest.fixture
def commitment(workspace: Workspace) -> str:
    return workspace.records.create(
        "commitment",
        {
            "kind": "replication",
            "signed_on": "2024-05-02",
            "place_regency_code": "53.01",
            "province_code": "53",
            "text": "Kami berkomitmen.",
            "signatories": [
                {"name": "Andi", "position": "Kepala Dinas", "institution": "Dinas A"},
                {"name": "Rina", "position": "Sekretaris", "institution": "Dinas B"},
            ],
        },
    )


def _editor(qtbot: Any, workspace: Workspace, record_id: str) -> RecordEditor:
    editor = RecordEditor(workspace, Display(workspace.regions), "commitment", record_id)
    qtbot.addWidget(editor)
    return editor


def _type(editor: RecordEditor, name: str, text: str) -> None:
    editor.input(name).set_values({name: text})


def test_two_editors_on_one_record(
    qtbot: Any,
    workspace: Workspace,
    commitment: str,
    indonesian: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first, second = _editor(qtbot, workspace, commitment), _editor(qtbot, workspace, commitment)
    asked: list[str] = []

    def reload(self: RecordEditor, exc: StaleEdit) -> QMessageBox.StandardButton:
        asked.append(exc.message("id"))
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(RecordEditor, "ask_reload", reload)
    workspace.settings.set("officer_name", "Budi Santoso")
    _type(first, "text", "Teks dari Budi.")
    first.child_tables["signatories"].set_cell(0, "position", "Plt. Kepala Dinas")
    assert first.save()

    workspace.settings.set("officer_name", "Siti Aminah")
    _type(second, "text", "Teks dari Siti.")
    _type(second, "number", "12/2024")
    second.child_tables["signatories"].set_cell(1, "name", "Rina Wati")
    assert not second.save()
    assert len(asked) == 1 and "Isi Komitmen diubah oleh Budi Santoso pada" in asked[0]
    # Nothing of the refused save was written.
    stored = workspace.records.get("commitment", commitment)
    assert (stored["text"], stored["number"]) == ("Teks dari Budi.", None)

    # Reloaded: Budi's text and signatory in the form, Siti's other changes kept, and the
    # text field says who changed it and what Siti typed.
    assert second.values()["text"] == "Teks dari Budi."
    assert second.values()["number"] == "12/2024"
    rows = second.values()["signatories"]
    assert [(r["name"], r["position"]) for r in rows] == [
        ("Andi", "Plt. Kepala Dinas"),
        ("Rina Wati", "Sekretaris"),
    ]
    note = second.error_text("text")
    assert "diubah oleh Budi Santoso" in note and "Teks dari Siti." in note
    assert second.is_dirty() and second.windowTitle().endswith("*")
    assert not second.summary.isHidden()

    # Saved again from the newest version: both officers' changes are in the record and
    # its history names each of them.
    assert second.save(), second.summary.text()
    stored = workspace.records.get("commitment", commitment)
    assert (stored["text"], stored["number"]) == ("Teks dari Budi.", "12/2024")
    assert [s["name"] for s in stored["signatories"]] == ["Andi", "Rina Wati"]
    actors = {
        (e["field"] or "").split(".")[-1]: e["actor"]
        for e in workspace.records.history("commitment", commitment)
    }
    assert actors["text"] == "Budi Santoso" and actors["position"] == "Budi Santoso"
    assert actors["number"] == "Siti Aminah" and actors["name"] == "Siti Aminah"


def test_cancel_keeps_the_form_and_writes_nothing(
    qtbot: Any,
    workspace: Workspace,
    commitment: str,
    indonesian: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first, second = _editor(qtbot, workspace, commitment), _editor(qtbot, workspace, commitment)
    monkeypatch.setattr(
        RecordEditor, "ask_reload", lambda self, exc: QMessageBox.StandardButton.Cancel
    )
    _type(first, "text", "Versi pertama.")
    assert first.save()
    _type(second, "text", "Versi kedua.")
    assert not second.save()
    assert second.values()["text"] == "Versi kedua." and second.is_dirty()
    assert workspace.records.get("commitment", commitment)["text"] == "Versi pertama."
    # A record sent to the trash meanwhile cannot be reloaded: the officer is told.
    shown: list[str] = []
    monkeypatch.setattr(
        "jipp_desktop.gui.editors.record_editor.show_error",
        lambda parent, exc, title=None: shown.append(exc.message("id")),
    )
    workspace.records.delete("commitment", commitment)
    assert not second.save()
    assert shown and "dipindahkan ke tempat sampah" in shown[0]
