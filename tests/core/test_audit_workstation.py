"""Every audit entry names the workstation a change was made at (schema version 12), on
both engines: an officer's name alone cannot tell two workstations apart, nor follow an
officer who moves between them."""

from __future__ import annotations

import json
import socket
import sqlite3
from pathlib import Path

import pytest

from jipp_desktop.core import migrations
from jipp_desktop.core import models as m
from jipp_desktop.core.errors import ValidationError
from jipp_desktop.core.settings import WORKSTATION_FILE
from jipp_desktop.core.workspace import DB_NAME, Workspace, open_workspace


def test_each_change_names_the_workstation_it_was_made_at(workspace: Workspace) -> None:
    provinces = workspace.regions.provinces
    workspace.rename_device("Laptop Banten")
    rid = workspace.records.create("innovation", {"title": "Antrian", "province_code": "36"})
    # Typed with a pasted tab and line break: kept as the officer reads it.
    name = workspace.settings.set_checked("workstation_name", " Meja\tVerifikasi \n 2 ", provinces)
    assert name == "Meja Verifikasi 2"
    workspace.records.update("innovation", rid, {"title": "Antrian Daring"})
    workspace.records.delete("innovation", rid)
    history = workspace.records.history("innovation", rid)
    # Before a name was set: a laptop is its own workstation; a workstation of the shared
    # database (where the laptop name is the whole database's) is its computer.
    first = "Laptop Banten" if not workspace.on_postgresql else socket.gethostname()
    assert [e["workstation"] for e in history] == [first, name, name]


def test_a_workstation_name_passes_the_settings_gate(workspace: Workspace) -> None:
    provinces = workspace.regions.provinces
    with pytest.raises(ValidationError) as refused:
        workspace.settings.set_checked("workstation_name", "M" * 81, provinces)
    (error,) = refused.value.errors
    assert (error.field, error.code) == ("workstation_name", "too_long")
    assert error.message("id") == "Nama workstation paling panjang 80 karakter."
    assert error.message("en") == "Workstation name must be at most 80 characters."
    with pytest.raises(ValidationError):
        workspace.settings.save_profile(
            {"officer_name": "Maria", "province_code": "53", "workstation_name": "M" * 81},
            provinces,
        )
    assert workspace.settings.get("officer_name") != "Maria"  # refused whole
    workspace.settings.save_profile(
        {"officer_name": "Maria", "province_code": "53", "workstation_name": "  Meja  3 "},
        provinces,
    )
    assert workspace.workstation() == "Meja 3"
    workspace.settings.set_checked("workstation_name", "", provinces)
    assert workspace.workstation() == workspace.default_workstation()
    if workspace.on_postgresql:  # kept in the folder: a hand-edited file is tidied too
        kept = workspace.data_dir / WORKSTATION_FILE
        kept.write_text(json.dumps({"workstation_name": " Meja\n" + "x" * 99}))
        assert workspace.workstation() == ("Meja " + "x" * 99)[:80]


def test_entries_written_before_version_12_know_no_workstation(data_dir: Path) -> None:
    conn = sqlite3.connect(data_dir / DB_NAME)
    migrations.migrate(conn, target=11)
    conn.execute("INSERT INTO province (code, name) VALUES ('36', 'Banten')")
    conn.execute(
        "INSERT INTO audit (at, device, actor, record_type, record_id, action) "
        "VALUES ('2026-11-01T08:00:00+00:00', 'd', 'Siti Aminah', 'innovation', 'r1', 'create')"
    )
    conn.commit()
    conn.close()
    ws = open_workspace(data_dir)
    try:
        (old,) = m.Audit.select().dicts()
        assert (old["actor"], old["workstation"]) == ("Siti Aminah", "")
    finally:
        ws.close()
