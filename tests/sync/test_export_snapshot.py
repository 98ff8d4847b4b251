"""An export from the ministry's PostgreSQL database reads one moment of it, while a
second workstation (a process of its own) commits saves in the middle of the export.

The package must then hold exactly the changes its claimed vector covers: every line
within the claim, every change of the database within the claim in a line, and every
change committed meanwhile beyond it (a receiver trusts a claim for what it need not
ask for again).  A fresh laptop imports it, then converges through later packages."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sync_helpers import other_workstation, seed

from jipp_desktop.core import engine
from jipp_desktop.core import models as m
from jipp_desktop.core.workspace import Workspace, open_workspace
from jipp_desktop.sync import digest, exporter, identity, importer, package
from jipp_desktop.sync.errors import ExportCancelled
from jipp_desktop.sync.merge import origin
from jipp_desktop.sync.schema import TABLE_ORDER


@pytest.fixture
def ministry(tmp_path: Path, pg_url: str) -> Iterator[Workspace]:
    ws = open_workspace(tmp_path / "ws1", database=pg_url)
    ws.settings.set("officer_name", "Budi Santoso")
    ws.settings.set("device_name", "Kementerian PANRB")
    yield ws
    ws.close()


def _stored_stamps() -> set[str]:
    """Every change stamp the open database holds (rows' creation and field stamps)."""
    found: set[str] = set()
    for table in TABLE_ORDER:
        for hlc, stamps in engine.sql(f"SELECT hlc, stamps FROM {table}"):
            found.add(hlc)
            found.update(json.loads(stamps).values())
    return found


def _line_stamps(line: dict[str, Any]) -> set[str]:
    """The stamps one change line carries (docs/sync-format.md: a cell without a stamp
    has its row's)."""
    found = {line["hlc"]}
    found.update(cell[1] if len(cell) > 1 else line["hlc"] for cell in line["f"].values())
    if len(line.get("cl", [])) > 1:
        found.add(line["cl"][1])
    return found


def _read(path: Path) -> tuple[dict[str, Any], set[str]]:
    """A package's manifest and the stamps of all its change lines."""
    pkg = package.open_package(path)
    try:
        stamps: set[str] = set()
        for line in pkg.lines(package.CHANGES):
            stamps |= _line_stamps(line)
        return pkg.manifest, stamps
    finally:
        pkg.close()


def _within(stamps: set[str], claim: dict[str, str]) -> set[str]:
    return {s for s in stamps if s <= claim.get(origin(s), "")}


def test_an_export_reads_one_moment_while_another_workstation_saves(
    ministry: Workspace, tmp_path: Path, pg_url: str
) -> None:
    ids = seed(ministry)
    obstacle = ministry.records.get("visit", ids["visit"])["obstacles"][0]["id"]
    before_stamps, before_digest = _stored_stamps(), digest.dataset_digest()
    # The export yields one chunk per table at this size: pause once the visits were
    # read, before their mentors and obstacles are.
    filled = [t for t in TABLE_ORDER if engine.sql(f"SELECT count(*) FROM {t}").fetchone()[0]]
    pause_at = filled.index("visit") + 1
    second = tmp_path / "ws2"
    hub, visit = ids["hub"], ids["visit"]
    new_visit = {"hub_id": hub, "start_date": "2024-05-06", "regency_code": "36.02",
                 "mentors": [{"name": "Siti", "institution": "KemenPAN-RB"}],
                 "obstacles": [{"description": "Jaringan putus"}]}  # fmt: skip
    edit = {"agenda": "Evaluasi", "obstacles": [{"id": obstacle, "description": "Sudah cair"}]}
    saved: list[str] = []

    def other_saves_meanwhile(done: int, _total: int) -> bool:
        if done == pause_at:
            # Workstation 2 commits a new visit with its rows, then an edit of a visit and
            # one of its rows, each one transaction, before the export reads on.
            for args, change in (
                (("record", "add", "visit"), new_visit),
                (("record", "update", "visit", visit), edit),
            ):
                run = other_workstation(
                    second, pg_url, *args, "--json", "-", stdin=json.dumps(change)
                )
                assert run.returncode == 0, run.stderr
                saved.append(run.stdout)
        return True

    first = tmp_path / "first.jipp"
    exporter.export(ministry, first, full=True, progress=other_saves_meanwhile)
    assert len(saved) == 2
    after_stamps, after_digest = _stored_stamps(), digest.dataset_digest()
    manifest, carried = _read(first)
    claim = manifest["carries"]
    meanwhile = after_stamps - before_stamps
    assert meanwhile and after_digest != before_digest  # workstation 2 really saved

    # The claim covers exactly the lines: none beyond it, every stored change within it
    # carried, and what was committed during the export beyond it.
    assert carried - _within(carried, claim) == set()
    assert _within(after_stamps, claim) == carried
    assert _within(meanwhile, claim) == set()
    ministry_id, key = ministry.device_id, identity.load_or_create(ministry.data_dir)
    ministry.close()

    laptop = open_workspace(tmp_path / "laptop")
    try:
        identity.trust(key.fingerprint, "Kementerian PANRB", ministry_id)
        importer.import_package(laptop, first)
        # The laptop holds the ministry's data as it was when the export began.
        assert digest.dataset_digest() == before_digest
        laptop_id, laptop_key = laptop.device_id, identity.load_or_create(laptop.data_dir)
        reply = tmp_path / "reply.jipp"
        exporter.export(laptop, reply, for_device=ministry_id)
    finally:
        laptop.close()

    # The ministry learns what the laptop holds from its reply (bounded by the claim), so
    # its next package leaves out only that, and carries what was saved meanwhile.
    back = open_workspace(tmp_path / "ws1", database=pg_url)
    try:
        identity.trust(laptop_key.fingerprint, "Laptop Banten", laptop_id)
        importer.import_package(back, reply)
        second_package = tmp_path / "second.jipp"
        exporter.export(back, second_package, for_device=laptop_id)
        final = digest.dataset_digest()
    finally:
        back.close()
    assert _read(second_package)[0]["base"]  # an incremental package, not a full one
    laptop = open_workspace(tmp_path / "laptop")
    try:
        importer.import_package(laptop, second_package)
        assert digest.dataset_digest() == final == after_digest
    finally:
        laptop.close()


def test_a_cancelled_export_leaves_the_connection_free_to_write(
    ministry: Workspace, tmp_path: Path
) -> None:
    """Cancel during the snapshot: its read-only transaction is rolled back, no package is
    left, the sequence number is not used, and this workstation saves and exports again."""
    rid = ministry.records.create("innovation", {"title": "Antrian", "province_code": "36"})
    target = tmp_path / "cancelled.jipp"
    with pytest.raises(ExportCancelled):
        exporter.export(ministry, target, full=True, progress=lambda _d, _t: False)
    assert not target.exists()
    assert m.database.transaction_depth() == 0
    ministry.records.update("innovation", rid, {"title": "Antrian Daring"})
    done = exporter.export(ministry, tmp_path / "after.jipp", full=True)
    assert done.seq == 1 and done.rows == 1
