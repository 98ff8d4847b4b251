"""Duplicate (Ctrl+D) and copy a commitment to other hubs (Ctrl+Shift+D), from an editor.

The copies are made by ``core.copies`` in one transaction; this module only makes sure
what is on screen is saved first, asks which hubs, and opens or announces the result.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from jipp_desktop.core import dashboard
from jipp_desktop.core.copies import copy_commitment_to_hubs, duplicate
from jipp_desktop.core.errors import JippError
from jipp_desktop.gui.editors.copy_dialog import CopyToHubsDialog
from jipp_desktop.gui.errors import show_error

if TYPE_CHECKING:
    from jipp_desktop.gui.editors.record_editor import RecordEditor


def _saved(editor: RecordEditor) -> bool:
    """A copy is of what is stored: save a new or changed form first."""
    if editor.record_id is None or editor.is_dirty():
        return editor.save()
    return True


def duplicate_record(editor: RecordEditor) -> str | None:
    """Copy the record (with its child rows) and open the copy; its new id."""
    if not _saved(editor) or editor.record_id is None:
        return None
    try:
        (new_id,) = duplicate(editor.workspace.records, editor.type_name, [editor.record_id])
    except JippError as exc:
        show_error(editor, exc)
        return None
    editor.saved.emit(editor.type_name, new_id)
    editor.openRecord.emit(editor.type_name, new_id, None)
    return new_id


def ask_hubs(editor: RecordEditor) -> CopyToHubsDialog | None:
    """Open the choice of hubs for a commitment; the copies are made when it is accepted."""
    if editor.type_name != "commitment" or not _saved(editor) or editor.record_id is None:
        return None
    own = editor.values().get("hub_id")
    hubs = [(hub_id, name) for hub_id, name in dashboard.choices("hub") if hub_id != own]
    dialog = CopyToHubsDialog(hubs, editor)
    commitment_id = editor.record_id
    dialog.accepted.connect(lambda: make_copies(editor, commitment_id, dialog.chosen()))
    dialog.open()
    return dialog


def make_copies(editor: RecordEditor, commitment_id: str, numbers: dict[str, str | None]) -> None:
    if not numbers:
        return
    try:
        ids = copy_commitment_to_hubs(editor.workspace.records, commitment_id, numbers)
    except JippError as exc:
        show_error(editor, exc)
        return
    editor.status.setText(
        QCoreApplication.translate("RecordEditor", "%n copy(ies) made.", "", len(ids))
    )
    editor.saved.emit(editor.type_name, ids[0])
    # Each copy opens for what only that hub has (its own signatory, a scan).
    for new_id in ids:
        editor.openRecord.emit(editor.type_name, new_id, None)
