"""Import reports on the ministry's PostgreSQL database are the database's: a package
imported on one workstation is listed, with its officer and workstation, on every other
one (core, command line and the Sync page), while a report file an older version left in
a workstation's data folder is still listed there."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sync_helpers import other_workstation, seed

from jipp_desktop.cli import exit_codes
from jipp_desktop.core.workspace import Workspace, open_workspace
from jipp_desktop.gui.sync_page import SyncPage
from jipp_desktop.gui.tasks import task_runner
from jipp_desktop.sync import exporter, identity, importer
from jipp_desktop.sync import report as sync_report


@dataclass
class Packages:
    first: Path
    second: Path
    sender: str
    fingerprint: str


@pytest.fixture
def packages(tmp_path: Path) -> Packages:
    """Two packages from a hub laptop: its records, then an edit of one."""
    laptop = open_workspace(tmp_path / "laptop")
    try:
        laptop.settings.set("device_name", "Laptop Banten")
        ids = seed(laptop)
        first = exporter.export(laptop, tmp_path / "banten-1.jipp").path
        laptop.records.update("hub", ids["hub"], {"name": "Simpul Inovasi Provinsi Banten"})
        second = exporter.export(laptop, tmp_path / "banten-2.jipp").path
        key = identity.load_or_create(laptop.data_dir)
        return Packages(first, second, laptop.device_id, key.fingerprint)
    finally:
        laptop.close()


@pytest.fixture
def first_station(tmp_path: Path, pg_url: str, packages: Packages) -> Iterator[Workspace]:
    """Workstation 1 (this process) trusts the laptop; workstation 2 (a process of its
    own, officer Siti Aminah) imports the laptop's first package."""
    ws = open_workspace(tmp_path / "ws1", database=pg_url)
    ws.settings.set("officer_name", "Budi Santoso")
    identity.trust(packages.fingerprint, "Laptop Banten", packages.sender)
    second = tmp_path / "ws2"
    named = other_workstation(second, pg_url, "settings", "set", "officer_name", "Siti Aminah")
    assert named.returncode == 0, named.stderr
    done = other_workstation(second, pg_url, "sync", "import", str(packages.first))
    assert done.returncode == 0, done.stderr
    yield ws
    ws.close()


def test_every_workstation_lists_the_reports_of_all(
    first_station: Workspace, tmp_path: Path, pg_url: str, packages: Packages
) -> None:
    ws, second = first_station, tmp_path / "ws2"
    here = socket.gethostname()
    (theirs,) = sync_report.kept(ws.data_dir)
    assert (theirs.imported_by, theirs.workstation, theirs.path) == ("Siti Aminah", here, None)
    shown = sync_report.load_named(ws.data_dir, theirs.name)
    assert shown.total.new == 6 and shown.sender_name == "Laptop Banten"
    assert f"Diimpor oleh: Siti Aminah ({here})" in shown.text("id")
    assert not (second / sync_report.REPORT_DIR).exists()  # nothing left in its folder

    # Workstation 1 imports the next package; a report file an older version wrote in its
    # folder stays listed here, beside the database's.
    importer.import_package(ws, packages.second, dry_run=True)
    assert len(sync_report.kept(ws.data_dir)) == 1  # a preview keeps no report
    mine = importer.import_package(ws, packages.second)
    assert mine.report_path is None and mine.imported_by == "Budi Santoso"
    legacy = sync_report.ImportReport(**{**_fields(shown), "package_id": "lama"})
    legacy.imported_at, legacy.seq = "2026-01-05T08:00:00+00:00", 0
    legacy.imported_by = legacy.workstation = None
    old_file = sync_report.save(legacy, ws.data_dir)
    listed = sync_report.kept(ws.data_dir)
    assert [k.name for k in listed] == [mine.report_name, theirs.name, old_file.stem]
    assert [k.imported_by for k in listed] == ["Budi Santoso", "Siti Aminah", None]
    assert sync_report.load_named(ws.data_dir, old_file.stem).package_id == "lama"

    # Workstation 2's command line lists both imports, and shows workstation 1's.
    out = other_workstation(second, pg_url, "sync", "reports", "--json")
    assert out.returncode == 0, out.stderr
    assert [(r["name"], r["imported_by"]) for r in json.loads(out.stdout)] == [
        (mine.report_name, "Budi Santoso"),
        (theirs.name, "Siti Aminah"),
    ]
    text = other_workstation(second, pg_url, "--lang", "en", "sync", "reports", mine.report_name)
    assert f"Imported by: Budi Santoso ({here})" in text.stdout
    assert "Package 2 from Laptop Banten imported" in text.stdout
    unknown = other_workstation(second, pg_url, "sync", "reports", old_file.stem)
    assert unknown.returncode == exit_codes.INVALID_DATA  # that file is workstation 1's
    assert f"Tidak ada laporan impor bernama '{old_file.stem}'" in unknown.stderr


def _fields(report: sync_report.ImportReport) -> dict[str, Any]:
    return {name: getattr(report, name) for name in report.__dataclass_fields__}


@pytest.mark.usefixtures("_qt_none_guard")
def test_the_sync_page_shows_another_workstations_import(
    qtbot: Any, first_station: Workspace
) -> None:
    page = SyncPage(first_station)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.reports.count() == 1, timeout=20_000)
    qtbot.waitUntil(lambda: not task_runner(page).busy, timeout=20_000)
    label = page.reports.item(0).text()
    assert "Siti Aminah" in label and socket.gethostname() in label
    assert page.reports.item(0).toolTip() == label
    page.reports.setCurrentRow(0)
    assert page.undo_button.isEnabled()
    page.close()
