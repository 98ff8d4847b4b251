"""Photos added to a visit before its first save are attached when it is saved."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QColor, QImage

from jipp_desktop.core.workspace import Workspace
from jipp_desktop.gui.main_window import MainWindow


def test_photo_added_before_saving_is_attached_then_removed(
    qtbot: Any, window: MainWindow, workspace: Workspace, hub: str, tmp_path: Path
) -> None:
    photo = tmp_path / "foto-kunjungan.png"
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("darkgreen"))
    assert image.save(str(photo))

    editor = window.open_editor(
        "visit", None, {"hub_id": hub, "regency_code": "53.71", "start_date": "2024-03-05"}
    )
    panel = editor.attachments
    panel.add_files([photo])
    assert panel.list.count() == 1 and editor.is_dirty()
    assert not panel.list.item(0).icon().isNull()
    editor.save_button.click()
    assert editor.record_id is not None, editor.summary.text()
    stored = workspace.attachments.list("visit", editor.record_id)
    assert [a["filename"] for a in stored] == ["foto-kunjungan.png"]
    assert panel.list.count() == 1 and not panel.pending
    assert any("Lampiran" in row[4] for row in editor.history.rows_text())

    panel.list.setCurrentRow(0)
    panel.remove_button.click()
    assert workspace.attachments.list("visit", editor.record_id) == []
    assert panel.list.count() == 0
