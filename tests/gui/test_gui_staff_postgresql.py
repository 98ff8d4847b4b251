"""Several staff on the ministry's PostgreSQL database, in the window: lists follow what
another workstation (a second connection) wrote, two editors on one record refuse the
stale save, as on a laptop (test_gui_change_watch.py, test_gui_stale_save.py), and a save
while another workstation imports a package is refused at once, keeping the form."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from holding_import import importing
from test_gui_change_watch import test_the_list_on_screen_follows_writes_made_elsewhere as follows
from test_gui_stale_save import commitment  # noqa: F401 - the fixture, used below
from test_gui_stale_save import test_two_editors_on_one_record as two_editors

from jipp_desktop.core.workspace import DB_NAME, Workspace, open_workspace
from jipp_desktop.gui import errors
from jipp_desktop.gui.display import Display
from jipp_desktop.gui.editors.record_editor import RecordEditor
from jipp_desktop.gui.main_window import MainWindow


@pytest.fixture
def workspace(data_dir: Path, pg_url: str) -> Iterator[Workspace]:
    (data_dir / DB_NAME).unlink()  # the folder keeps only this workstation's files
    ws = open_workspace(data_dir, database=pg_url)
    try:
        yield ws
    finally:
        ws.close()


def test_lists_follow_another_workstation_on_postgresql(
    qtbot: Any, window: MainWindow, workspace: Workspace
) -> None:
    assert workspace.on_postgresql
    follows(qtbot, window, workspace)


def test_two_editors_on_postgresql(
    qtbot: Any,
    workspace: Workspace,
    commitment: str,  # noqa: F811 - the imported fixture
    indonesian: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert workspace.on_postgresql
    two_editors(qtbot, workspace, commitment, indonesian, monkeypatch)


def test_a_save_during_another_workstations_import_keeps_the_form(
    qtbot: Any, workspace: Workspace, indonesian: None, tmp_path: Path, pg_url: str
) -> None:
    rid = workspace.records.create("innovation", {"title": "Antrian", "province_code": "36"})
    editor = RecordEditor(workspace, Display(workspace.regions), "innovation", rid)
    qtbot.addWidget(editor)
    editor.show()
    editor.input("title").set_values({"title": "Antrian Daring Terpadu"})
    shown = len(errors._open_boxes)
    with importing(pg_url, tmp_path / "ws2", "Siti Aminah", "Meja Impor"):
        editor.save_button.click()
        qtbot.waitUntil(lambda: len(errors._open_boxes) > shown)
        (box,) = errors._open_boxes[shown:]
        assert box.text().startswith(
            "Impor paket oleh Siti Aminah di workstation Meja Impor sedang berjalan sejak "
        ), box.text()
        assert "Tidak ada yang disimpan. Simpan lagi setelah impor paket itu selesai." in (
            box.text()
        )
        assert box.informativeText() == "Isian Anda tetap ada di formulir."
        box.grab().save(str(tmp_path / "busy.png"))
        assert editor.status.text() == "Belum disimpan: basis data sedang sibuk."
        # Nothing saved, and everything typed still there to save again.
        assert editor.values()["title"] == "Antrian Daring Terpadu" and editor.is_dirty()
        assert workspace.records.get("innovation", rid)["title"] == "Antrian"
        box.close()
    editor.save_button.click()
    assert workspace.records.get("innovation", rid)["title"] == "Antrian Daring Terpadu"
    assert editor.status.text() == "Tersimpan."
