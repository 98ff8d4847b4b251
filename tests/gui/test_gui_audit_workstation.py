"""Where a change was made, on screen: the officer names the workstation in Settings (a
workstation of the ministry's database; a laptop is named by its laptop name) and every
record's history shows it beside the officer, an old entry as unknown."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from jipp_desktop.core import models as m
from jipp_desktop.core.workspace import DB_NAME, Workspace, open_workspace
from jipp_desktop.gui.display import Display
from jipp_desktop.gui.editors.history_panel import HistoryPanel
from jipp_desktop.gui.settings_page import SettingsPage


@pytest.fixture
def workstation(data_dir: Path, pg_url: str) -> Iterator[Workspace]:
    (data_dir / DB_NAME).unlink()  # the folder keeps only this workstation's files
    ws = open_workspace(data_dir, database=pg_url)
    ws.settings.save_profile(
        {"officer_name": "Budi Santoso", "province_code": "36"}, ws.regions.provinces
    )
    try:
        yield ws
    finally:
        ws.close()


def test_the_officer_names_the_workstation_and_the_history_shows_it(
    qtbot: Any, workstation: Workspace, indonesian: None, tmp_path: Path
) -> None:
    page = SettingsPage(workstation)
    qtbot.addWidget(page)
    page.resize(900, 700)
    name = page.form.workstation_name
    assert not name.isHidden() and name.placeholderText() == workstation.default_workstation()
    # The peer's name and key are the database's, shared by every workstation.
    rows = page.form.ui.layout()
    label = rows.labelForField(page.form.device_name)  # type: ignore[union-attr]
    assert label.text() == "Nama basis data (dilihat laptop)"
    name.setText("M" * 81)
    page.save_button.click()
    assert "Nama workstation paling panjang 80 karakter." in page.form.problems.text()
    assert workstation.settings.get("workstation_name") == ""
    name.setText("  Meja   Verifikasi  ")
    page.save_button.click()
    assert page.status.text() == "Pengaturan tersimpan."
    assert workstation.workstation() == "Meja Verifikasi"
    assert name.text() == "Meja Verifikasi"
    page.grab().save(str(tmp_path / "settings.png"))

    rid = workstation.records.create("innovation", {"title": "Antrian", "province_code": "36"})
    # An entry from before schema version 12 does not know where it was made.
    m.Audit.insert(
        at="2026-11-01T08:00:00+00:00",
        device=workstation.device_id,
        actor="Siti Aminah",
        record_type="innovation",
        record_id=rid,
        action="update",
        field="title",
        old="Antri",
        new="Antrian",
    ).execute()
    panel = HistoryPanel(workstation, Display(workstation.regions), "innovation")
    qtbot.addWidget(panel)
    panel.load(rid)
    header = [panel.table.horizontalHeaderItem(c).text() for c in range(3)]
    assert header == ["Waktu", "Oleh", "Workstation"]
    rows = panel.rows_text()  # newest first
    assert [(r[1], r[2]) for r in rows] == [
        ("Siti Aminah", "—"),
        ("Budi Santoso", "Meja Verifikasi"),
    ]
    panel.resize(900, 200)
    panel.grab().save(str(tmp_path / "history.png"))


def test_a_laptop_asks_no_workstation_name(qtbot: Any, workspace: Workspace) -> None:
    page = SettingsPage(workspace)
    qtbot.addWidget(page)
    assert page.form.workstation_name.isHidden()
    assert "workstation_name" not in page.form.values()
